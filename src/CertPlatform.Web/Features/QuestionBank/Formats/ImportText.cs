using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>
/// A user-facing import message before localisation: <see cref="Key"/> is the Chinese composite format string
/// (the key in Resources/SharedResource.*.resx), <see cref="Args"/> its arguments (an argument may itself be an
/// <see cref="ImportText"/>, localised the same way). Readers are pure and build these with <see cref="ImportTexts"/>;
/// pages and the CLI localise them.
/// </summary>
public sealed record ImportText(string Key, IReadOnlyList<object?> Args)
{
    /// <summary>The Chinese text (the key formatted with its arguments).</summary>
    public override string ToString() => Format(null);

    /// <summary>The text in the localizer's culture.</summary>
    public string Localize(IStringLocalizer localizer) => Format(localizer);

    private string Format(IStringLocalizer? localizer)
    {
        var args = Args.Select(a => a is ImportText t ? t.Format(localizer) : a).ToArray();
        try
        {
            if (localizer is not null) return localizer[Key, args!].Value;
            return string.Format(CultureInfo.InvariantCulture, Key, args);
        }
        catch (FormatException)
        {
            return Key; // a message passed through as it is (e.g. from an exception) may hold braces
        }
    }
}
