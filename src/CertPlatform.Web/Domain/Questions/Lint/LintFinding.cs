using System.Globalization;

namespace CertPlatform.Web.Domain.Questions.Lint;

/// <summary>
/// One item-writing flaw. <see cref="Subject"/> is a question id, or a part id for bank-level rules;
/// <see cref="Message"/> is a Chinese message (also the localisation key) with <c>{0}</c>-style
/// <see cref="Args"/>, saying what is wrong and why it matters.
/// </summary>
public sealed record LintFinding(string Subject, string Rule, string Message, IReadOnlyList<object> Args)
{
    /// <summary>The message with its arguments filled in (Chinese, as in the content files).</summary>
    public string Text => string.Format(CultureInfo.InvariantCulture, Message, Args.ToArray());

    public override string ToString() => $"{Subject}: {Rule}: {Text}";
}
