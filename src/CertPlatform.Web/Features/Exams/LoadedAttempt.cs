using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.Exams;

/// <summary>
/// An attempt with everything around it, as <see cref="AttemptLoader"/> reads it: the paper, the frozen
/// layout, the question versions it pinned (and, with items, the versions its items were graded
/// against), the saved answers by question ref, and — when asked for — the graded items.
/// </summary>
public sealed record LoadedAttempt(
    Attempt Attempt, Paper Paper, IReadOnlyList<LaidOutQuestion> Layout,
    IReadOnlyDictionary<(string Id, int Version), Question> Questions,
    IReadOnlyDictionary<int, AttemptAnswer> Answers, IReadOnlyList<AttemptItem> Items)
{
    public Question QuestionAt(LaidOutQuestion l) => Questions[(l.QuestionId, l.Version)];

    public Question QuestionOf(AttemptItem i) => Questions[(i.QuestionId, i.Version)];

    /// <summary>The saved response to question <paramref name="questionRef"/>, in displayed positions; null when nothing was saved.</summary>
    public Response? ResponseTo(int questionRef) =>
        Answers.TryGetValue(questionRef, out var a) ? ResponseJson.Deserialize(a.ResponseJson) : null;
}
