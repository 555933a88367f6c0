using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>
/// A question as it reaches the exam page and the attempt API: built field by field from the
/// question, so nothing that gives the answer away (keys, accepted blanks, explanation, rubric) can
/// slip through. Choice options, the matching answer column and ordering items are in the
/// attempt's frozen display order; responses refer to those displayed positions.
/// </summary>
public sealed record QuestionView(
    int Ref, string Id, string Type, decimal Points, int Section, string Stem, string? StemImage,
    IReadOnlyList<OptionView> Options, int Blanks, IReadOnlyList<string> Left, IReadOnlyList<string> Right,
    IReadOnlyList<string> Items, string? Scenario, IReadOnlyList<QuestionView> Parts)
{
    public static QuestionView Of(Question q, LaidOutQuestion l) => Of(q, l.Ref, l.Points, l.Section, l.Order, l.PartOrders);

    private static QuestionView Of(Question q, int @ref, decimal points, int section, IReadOnlyList<int> order, IReadOnlyDictionary<string, IReadOnlyList<int>> partOrders)
    {
        var options = q.Type is QuestionType.Single or QuestionType.Multiple ? order.Select(i => new OptionView(q.Options[i].Text, q.Options[i].Image)).ToList() : [];
        var right = q.Type == QuestionType.Matching ? order.Select(i => q.Pairs[i].Right).ToList() : [];
        var items = q.Type == QuestionType.Ordering ? order.Select(i => q.Items[i]).ToList() : [];
        var parts = q.Parts.Select(p => Of(p, @ref, p.MaxScore, section, partOrders.TryGetValue(p.Id, out var o) ? o : [], new Dictionary<string, IReadOnlyList<int>>())).ToList();
        return new QuestionView(@ref, q.Id, TypeName(q.Type), points, section, q.Stem, q.StemImage, options,
            q.Type == QuestionType.Fill ? q.Blanks.Count : 0, q.Pairs.Select(p => p.Left).ToList(), right, items,
            q.Type == QuestionType.Case ? q.Scenario : null, parts);
    }

    public static string TypeName(QuestionType t) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(t.ToString());
}
