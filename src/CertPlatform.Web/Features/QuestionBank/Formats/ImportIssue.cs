namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>
/// A problem found while reading an interchange file, at a 1-based line of <paramref name="File"/>.
/// <paramref name="Skipped"/> = true: the question is reported and left out (e.g. a type the platform
/// does not have), the rest of the import may go ahead. <paramref name="Skipped"/> = false: a hard
/// error (malformed input, an invalid question, a file too large); the import as a whole must not be applied.
/// </summary>
public sealed record ImportIssue(string File, int Line, ImportText Text, bool Skipped)
{
    private static readonly ImportTexts L = ImportTexts.Instance;

    /// <summary>The message in Chinese (pages localise <see cref="Text"/> instead).</summary>
    public string Message => Text.ToString();

    public override string ToString() => Format(null);

    /// <summary>"file:line: message" in the localizer's culture.</summary>
    public string Localize(Microsoft.Extensions.Localization.IStringLocalizer localizer) => Format(localizer);

    private string Format(Microsoft.Extensions.Localization.IStringLocalizer? localizer)
    {
        var text = Skipped ? L["已跳过：{0}", Text] : Text;
        var message = localizer is null ? text.ToString() : text.Localize(localizer);
        return Line > 0 ? $"{File}:{Line}: {message}" : $"{File}: {message}";
    }
}
