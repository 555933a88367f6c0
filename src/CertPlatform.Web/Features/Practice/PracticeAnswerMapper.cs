using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank;
using FluentValidation;

namespace CertPlatform.Web.Features.Practice;

/// <summary>
/// Turns the posted form into a <see cref="Response"/> in displayed positions for the question as
/// shown (<see cref="QuestionView"/>). Out-of-range positions are dropped, so a tampered form can
/// only make an answer wrong.
/// </summary>
public static class PracticeAnswerMapper
{
    public static MappedPracticeAnswer ToResponse(QuestionView q, ItemAnswer a)
    {
        var problems = new List<AnswerProblem>();
        var (response, blank) = Map(q, a, problems);
        if (blank) problems.Insert(0, AnswerProblem.Unanswered);
        return new MappedPracticeAnswer(response, problems.Distinct().ToList(), blank);
    }

    private static (Response Response, bool Blank) Map(QuestionView q, ItemAnswer a, List<AnswerProblem> problems)
    {
        switch (q.Kind())
        {
            case QuestionType.Single:
            case QuestionType.Multiple:
            {
                var chosen = a.Selected.Where(d => d >= 0 && d < q.Options.Count).Distinct().Order().ToList();
                if (q.Kind() == QuestionType.Single && chosen.Count > 1) chosen = [];
                return (new Response { Selected = chosen }, chosen.Count == 0);
            }
            case QuestionType.TrueFalse:
            {
                bool? tf = a.TrueFalse switch { "true" => true, "false" => false, _ => null };
                return (new Response { TrueFalse = tf }, tf is null);
            }
            case QuestionType.Fill:
            {
                var blanks = Enumerable.Range(0, q.Blanks).Select(i => i < a.Blanks.Count ? (a.Blanks[i] ?? "").Trim() : "").ToList();
                return (new Response { Blanks = blanks }, blanks.All(b => b.Length == 0));
            }
            case QuestionType.Matching:
            {
                var matches = Enumerable.Range(0, q.Left.Count)
                    .Select(i => i < a.Matches.Count && a.Matches[i] >= 0 && a.Matches[i] < q.Right.Count ? a.Matches[i] : -1).ToList();
                return (new Response { Matches = matches }, matches.All(m => m < 0));
            }
            case QuestionType.Ordering:
            {
                var n = q.Items.Count;
                var ranks = Enumerable.Range(0, n).Select(d => d < a.Ranks.Count && a.Ranks[d] >= 1 && a.Ranks[d] <= n ? a.Ranks[d] : 0).ToList();
                if (ranks.All(r => r == 0)) return (Response.Empty, true);
                if (ranks.Any(r => r == 0) || ranks.Distinct().Count() != n)
                {
                    problems.Add(AnswerProblem.OrderIncomplete);
                    return (Response.Empty, false);
                }
                return (new Response { Order = Enumerable.Range(0, n).OrderBy(d => ranks[d]).ToList() }, false);
            }
            case QuestionType.Case:
            {
                var parts = new Dictionary<string, Response>();
                var allBlank = true;
                for (var i = 0; i < q.Parts.Count; i++)
                {
                    var (r, b) = Map(q.Parts[i], i < a.Parts.Count ? a.Parts[i] : new ItemAnswer(), problems);
                    parts[q.Parts[i].Id] = r;
                    allBlank &= b;
                }
                return (new Response { Parts = parts }, allBlank);
            }
            default:
                return (Response.Empty, true);
        }
    }
}
