using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Infrastructure.Web;

/// <summary>
/// Count-dependent UI sentences. The key is the Chinese sentence as everywhere (Chinese has no plural, so it serves
/// every count); a language with a singular form gives it under the key <c>{key}#one</c> in its resources
/// (tools/en-strings.tsv: <c>共 {0} 道试题	{0} questions</c> and <c>共 {0} 道试题#one	{0} question</c>).
/// </summary>
public static class CountText
{
    /// <summary>The suffix of the resource key that holds a sentence's singular form.</summary>
    public const string OneSuffix = "#one";

    /// <summary>
    /// <paramref name="key"/> in the UI language, in its singular form when <paramref name="count"/> calls for it,
    /// formatted with <paramref name="args"/> (none: the unformatted sentence, e.g. for <see cref="ContentText.Format"/>).
    /// </summary>
    public static LocalizedString Plural(this IStringLocalizer localizer, long count, string key, params object[] args)
    {
        if (IsOne(CultureInfo.CurrentUICulture, count))
        {
            var one = args.Length == 0 ? localizer[key + OneSuffix] : localizer[key + OneSuffix, args];
            if (!one.ResourceNotFound) return one;
        }
        return args.Length == 0 ? localizer[key] : localizer[key, args];
    }

    /// <summary>
    /// Whether <paramref name="count"/> takes the singular form in <paramref name="culture"/>: exactly 1 in languages
    /// with a singular (CLDR "one" for integers in English and most European languages); never in Chinese, Japanese
    /// or Korean, which have no plural.
    /// </summary>
    public static bool IsOne(CultureInfo culture, long count) =>
        culture.TwoLetterISOLanguageName is not ("zh" or "ja" or "ko") && count == 1;
}
