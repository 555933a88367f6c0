using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.Practice;

public static partial class PracticeText
{
    [System.Text.RegularExpressions.GeneratedRegex(@"\{\{\d+\}\}")]
    private static partial System.Text.RegularExpressions.Regex BlankMark();

    [System.Text.RegularExpressions.GeneratedRegex(@"\s+")]
    private static partial System.Text.RegularExpressions.Regex Space();

    /// <summary>The stem (a case: its scenario) as one line of plain text: blanks as "____", shortened to <paramref name="max"/> characters.</summary>
    public static string PlainStem(Question q, int max)
    {
        // A case question's own stem is usually "阅读案例，回答下列问题": its scenario says which one it is.
        var source = q.Type == QuestionType.Case && q.Scenario.Trim().Length > 0 ? q.Scenario : q.Stem;
        var text = Space().Replace(BlankMark().Replace(source, "____"), " ").Trim();
        return text.Length <= max ? text : text[..(max - 1)] + "…";
    }

    /// <summary>A fill-in stem cut at its blanks: text pieces around blank 1, 2, … (one more piece than blanks).</summary>
    public static IReadOnlyList<string> FillPieces(string stem) => BlankMark().Split(stem);
}
