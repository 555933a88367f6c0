using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.IntegrationTests.Infrastructure;

/// <summary>The right answer to a laid-out question, in displayed positions (what a perfect candidate would send).</summary>
public static class ExamKeys
{
    /// <summary>Writes the key of every question straight into the stored answers of an attempt in progress (displayed positions).</summary>
    public static Task AnswerEverythingRightAsync(this AppFactory factory, string attemptId) =>
        ExamScenario.AnswerAsync(factory, attemptId, DisplayedKey);

    public static Response DisplayedKey(Question q, LaidOutQuestion l) => Key(q, l.Order) with
    {
        Parts = q.Parts.ToDictionary(p => p.Id, p => Key(p, l.PartOrders.TryGetValue(p.Id, out var o) ? o : [])),
    };

    private static Response Key(Question q, IReadOnlyList<int> order) => q.Type switch
    {
        QuestionType.Single or QuestionType.Multiple => new Response { Selected = Enumerable.Range(0, order.Count).Where(d => q.Options[order[d]].Correct).ToList() },
        QuestionType.TrueFalse => new Response { TrueFalse = q.TrueFalseAnswer },
        QuestionType.Fill => new Response { Blanks = q.Blanks.Select(b => b[0]).ToList() },
        QuestionType.Matching => new Response { Matches = Enumerable.Range(0, q.Pairs.Count).Select(i => order.ToList().IndexOf(i)).ToList() },
        QuestionType.Ordering => new Response { Order = Enumerable.Range(0, q.Items.Count).Select(i => order.ToList().IndexOf(i)).ToList() },
        QuestionType.Essay => new Response { Text = "作答" },
        _ => new Response(),
    };
}
