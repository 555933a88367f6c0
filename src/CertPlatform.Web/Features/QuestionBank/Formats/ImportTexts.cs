namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>
/// Builds <see cref="ImportText"/>s. Readers hold it in a field named <c>L</c> so that a message reads like a
/// localizer call everywhere else (and the translation test finds every key).
/// </summary>
public sealed class ImportTexts
{
    public static readonly ImportTexts Instance = new();

    private ImportTexts() { }

    public ImportText this[string key, params object?[] args] => new(key, args);
}
