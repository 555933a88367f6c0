using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Results;

/// <summary>
/// A candidate's response as one line of plain text, in the terms the candidate saw: option letters as
/// displayed with their text, matched pairs, the order given, the written text (shortened). The result is
/// text, to be HTML-encoded by the view.
/// </summary>
public static class AnswerSummary
{
    public const int MaxTextLength = 200;

    public static string Describe(Question q, LaidOutQuestion layout, Response? displayed, IStringLocalizer L)
    {
        ArgumentNullException.ThrowIfNull(L);
        if (displayed is null || ResponseJson.IsBlank(displayed)) return L["未作答"];
        return Describe(QuestionViews.Of(q, layout), q.Type, q.Parts, displayed, L);
    }

    private static string Describe(QuestionView view, QuestionType type, IReadOnlyList<Question> parts, Response r, IStringLocalizer L)
    {
        switch (type)
        {
            case QuestionType.Single or QuestionType.Multiple:
                var chosen = r.Selected.Distinct().Order().Where(i => i >= 0 && i < view.Options.Count)
                    .Select(i => $"{(char)('A' + i)}. {view.Options[i].Text}").ToList();
                return chosen.Count == 0 ? L["未作答"] : string.Join("；", chosen);
            case QuestionType.TrueFalse:
                return r.TrueFalse switch { true => L["正确"], false => L["错误"], null => L["未作答"] };
            case QuestionType.Fill:
                return string.Join(" | ", r.Blanks.Select(b => string.IsNullOrWhiteSpace(b) ? "—" : b.Trim()));
            case QuestionType.Matching:
                return string.Join("；", view.Left.Select((left, i) =>
                    $"{left} → {(i < r.Matches.Count && r.Matches[i] >= 0 && r.Matches[i] < view.Right.Count ? view.Right[r.Matches[i]] : "—")}"));
            case QuestionType.Ordering:
                return string.Join(" → ", r.Order.Select(d => d >= 0 && d < view.Items.Count ? view.Items[d] : "?"));
            case QuestionType.Essay:
                return Shorten(r.Text);
            case QuestionType.Case:
                return string.Join(" / ", parts.Select((p, k) =>
                {
                    var partView = view.Parts.First(v => v.Id == p.Id);
                    var pr = r.Parts.TryGetValue(p.Id, out var x) ? x : null;
                    var text = pr is null || ResponseJson.IsBlank(pr) ? L["未作答"].Value : Describe(partView, p.Type, [], pr, L);
                    return $"({(char)('a' + k)}) {text}";
                }));
            default:
                return "";
        }
    }

    public static string Shorten(string text, int max = MaxTextLength)
    {
        var t = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return t.Length <= max ? t : t[..max] + "…";
    }

    /// <summary>The start of the stem (the scenario for a case), on one line.</summary>
    public static string Excerpt(Question q, int max = 80) => Shorten(q.Type == QuestionType.Case ? q.Scenario : q.Stem, max);
}
