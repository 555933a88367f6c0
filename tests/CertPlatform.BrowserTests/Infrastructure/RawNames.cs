using System.Reflection;
using System.Text.RegularExpressions;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using Microsoft.Playwright;

namespace CertPlatform.BrowserTests.Infrastructure;

/// <summary>
/// The code names of statuses and types (QuestionStatus "Ready", AttemptStatus "InProgress", QuestionType "TrueFalse",
/// certificate, grading, outbox and paper statuses): pages show their localised names, so in the Chinese UI none of
/// these words may be visible. Read from the types themselves, so a new value is checked too.
/// </summary>
public static partial class RawNames
{
    public static readonly IReadOnlyList<string> Names =
    [
        .. Enum.GetNames<QuestionStatus>(), .. Enum.GetNames<QuestionType>(), .. Enum.GetNames<QuestionPool>(),
        .. Constants(typeof(AttemptStatus)), .. Constants(typeof(CertificateStatus)), .. Constants(typeof(GradingStatus)),
        .. Constants(typeof(OutboxStatus)), .. Constants(typeof(PaperStatus)),
    ];

    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    /// <summary>The raw names in <paramref name="text"/> (whole words, case as the code writes them).</summary>
    public static IReadOnlyList<string> In(string text)
    {
        var words = WordRegex().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        return Names.Where(words.Contains).Distinct().ToList();
    }

    /// <summary>Raw names visible on <paramref name="page"/> (its rendered text, not markup or attributes).</summary>
    public static async Task<string[]> ProblemsAsync(IPage page)
    {
        var found = In(await page.Locator("body").InnerTextAsync());
        return found.Count == 0 ? [] : [$"raw status/type names shown instead of their localised names: {string.Join(", ", found)}"];
    }

    [GeneratedRegex(@"[A-Za-z]+")]
    private static partial Regex WordRegex();
}
