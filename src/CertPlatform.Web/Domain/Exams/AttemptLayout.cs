using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Domain.Exams;

/// <summary>
/// The question order and option orders an attempt shows, decided once at start from a seed and
/// stored with the attempt, so a resumed attempt (or a regrade) sees exactly the same layout; and
/// the mapping of what the candidate picked on screen back to authored indices for grading.
/// </summary>
public static class AttemptLayout
{
    /// <summary>The layout as stored with an attempt (JSON); an empty list for an empty document.</summary>
    public static IReadOnlyList<LaidOutQuestion> Parse(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<List<LaidOutQuestion>>(json) ?? [];

    public static string Serialize(IReadOnlyList<LaidOutQuestion> layout) => System.Text.Json.JsonSerializer.Serialize(layout);

    /// <summary>
    /// Questions keep their sections in paper order (single choice, then multiple…) and are shuffled
    /// within a section when <paramref name="shuffleQuestions"/>. Choice options are shuffled when
    /// <paramref name="shuffleOptions"/>; matching answers and ordering items are always shuffled,
    /// since their authored order is the key.
    /// </summary>
    public static IReadOnlyList<LaidOutQuestion> Freeze(IReadOnlyList<PaperQuestion> paper, bool shuffleQuestions, bool shuffleOptions, int seed)
    {
        var rng = new Random(seed);
        var order = new List<int>();
        foreach (var section in Enumerable.Range(0, paper.Count).GroupBy(i => paper[i].Section).OrderBy(g => g.Key))
        {
            var indices = section.ToArray();
            if (shuffleQuestions) rng.Shuffle(indices);
            order.AddRange(indices);
        }
        return order.Select((p, displayed) =>
        {
            var pq = paper[p];
            var parts = pq.Question.Parts.ToDictionary(part => part.Id, part => OptionOrder(part, shuffleOptions, rng));
            return new LaidOutQuestion(displayed, pq.Question.Id, pq.Version, pq.Section, pq.Points, OptionOrder(pq.Question, shuffleOptions, rng), parts);
        }).ToList();
    }

    private static IReadOnlyList<int> OptionOrder(Question q, bool shuffleOptions, Random rng)
    {
        var (count, shuffle) = q.Type switch
        {
            QuestionType.Single or QuestionType.Multiple => (q.Options.Count, shuffleOptions),
            QuestionType.Matching => (q.Pairs.Count, true),
            QuestionType.Ordering => (q.Items.Count, true),
            _ => (0, false),
        };
        var o = Enumerable.Range(0, count).ToArray();
        if (!shuffle || count < 2) return o;
        rng.Shuffle(o);
        // Shown in the key's order, an ordering or matching question of three or more items would answer
        // itself: draw again (uniform over the other orders). Two items are a coin toss either way — always
        // swapping them would give the answer away just the same — so they keep whatever the shuffle gave.
        if (q.Type is QuestionType.Ordering or QuestionType.Matching && count > 2)
            while (IsIdentity(o)) rng.Shuffle(o);
        return o;
    }

    private static bool IsIdentity(int[] order)
    {
        for (var i = 0; i < order.Length; i++)
            if (order[i] != i) return false;
        return true;
    }

    /// <summary>Maps a response given in displayed positions back to the authored indices the grader uses.</summary>
    public static Response ToAuthored(Question q, LaidOutQuestion layout, Response displayed) =>
        Map(q, layout.Order, displayed) with
        {
            Parts = q.Parts.ToDictionary(p => p.Id, p =>
                Map(p, layout.PartOrders.TryGetValue(p.Id, out var o) ? o : [], displayed.Parts.TryGetValue(p.Id, out var r) ? r : Response.Empty)),
        };

    private static Response Map(Question q, IReadOnlyList<int> order, Response r)
    {
        int ToAuthored(int d) => d >= 0 && d < order.Count ? order[d] : -1;
        return q.Type switch
        {
            QuestionType.Single or QuestionType.Multiple => r with { Selected = r.Selected.Select(ToAuthored).Where(i => i >= 0).ToList() },
            QuestionType.Matching => r with { Matches = r.Matches.Select(ToAuthored).ToList() },
            QuestionType.Ordering => r with { Order = r.Order.Select(ToAuthored).ToList() },
            _ => r,
        };
    }
}
