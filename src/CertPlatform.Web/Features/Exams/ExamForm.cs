using System.Globalization;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank;

namespace CertPlatform.Web.Features.Exams;

/// <summary>
/// The exam page's form fields (the no-JavaScript path; exam.js builds the same responses from the
/// same fields): question <c>r</c> uses names starting "a{r}", a case part k "a{r}.p{k}".
/// Single/true-false: one radio value; multiple: checkbox values; fill blank k: "…b{k}"; matching
/// left item i: "…m{i}" = displayed right index; ordering displayed item i: "…o{i}" = position 1…n;
/// essay: "…text".
/// </summary>
public static class ExamForm
{
    public static string Prefix(int questionRef) => $"a{questionRef}";
    public static string PartPrefix(int questionRef, int part) => $"a{questionRef}.p{part}";

    public static Response Parse(IFormCollection form, string prefix, QuestionView q)
    {
        int? Int(string name) => int.TryParse(form[name].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
        switch (q.Kind())
        {
            case QuestionType.Single:
            case QuestionType.Multiple:
                return new Response { Selected = form[prefix].Select(v => int.TryParse(v, out var i) ? i : -1).Where(i => i >= 0 && i < q.Options.Count).Distinct().Order().ToList() };
            case QuestionType.TrueFalse:
                return new Response { TrueFalse = form[prefix].ToString() switch { "true" => true, "false" => false, _ => null } };
            case QuestionType.Fill:
                return new Response { Blanks = Enumerable.Range(1, q.Blanks).Select(k => form[$"{prefix}.b{k}"].ToString().Trim()).ToList() };
            case QuestionType.Matching:
                return new Response { Matches = Enumerable.Range(0, q.Left.Count).Select(i => Int($"{prefix}.m{i}") is { } m && m >= 0 && m < q.Right.Count ? m : -1).ToList() };
            case QuestionType.Ordering:
            {
                // Positions typed or picked per displayed item; items without a position go last, in shown order.
                var positions = Enumerable.Range(0, q.Items.Count).Select(i => (Item: i, Pos: Int($"{prefix}.o{i}"))).ToList();
                if (positions.All(p => p.Pos is null)) return new Response();
                return new Response { Order = positions.OrderBy(p => p.Pos ?? int.MaxValue).ThenBy(p => p.Item).Select(p => p.Item).ToList() };
            }
            case QuestionType.Essay:
                return new Response { Text = form[$"{prefix}.text"].ToString() };
            case QuestionType.Case:
                return new Response
                {
                    Parts = q.Parts.Select((p, k) => (p.Id, R: Parse(form, $"{prefix}.p{k}", p))).Where(x => !ResponseJson.IsBlank(x.R)).ToDictionary(x => x.Id, x => x.R),
                };
            default:
                return new Response();
        }
    }
}
