namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>
/// Builds <see cref="ImportText"/>s. Readers hold it in a field named <c>L</c> so that <c>L["中文 {0}", x]</c> reads
/// like the localizer everywhere else (and the translation test finds every key).
/// </summary>
public sealed class ImportTexts
{
    public static readonly ImportTexts Instance = new();

    private ImportTexts() { }

    public ImportText this[string key, params object?[] args] => new(key, args);
}
