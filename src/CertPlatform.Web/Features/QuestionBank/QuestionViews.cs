using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>Builds the key-free <see cref="QuestionView"/> of a question in an attempt's frozen layout.</summary>
public static class QuestionViews
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
