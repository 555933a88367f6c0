using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;

namespace CertPlatform.Web.Features.Exams;

/// <summary>Grades a loaded attempt's answers for <see cref="FinishAttempt"/>, before the write and again inside it when a save came in between.</summary>
public sealed class AttemptGrader(ContentCatalog catalog)
{
    /// <summary>Grades the loaded answers; the attempt carries the claim's status, finish time and reason.</summary>
    public GradedAttempt Grade(LoadedAttempt loaded, DateTimeOffset finishedAt, string reason)
    {
        var attempt = loaded.Attempt; // the finishing request's own copy (read untracked); the claim stores the same three values
        attempt.Status = AttemptStatus.Finished;
        attempt.FinishedAt = finishedAt;
        attempt.FinishReason = reason;
        var items = loaded.Layout.Select(l =>
        {
            var q = loaded.QuestionAt(l);
            return AttemptGrading.Grade(attempt.Id, l, q, catalog.Find(q.LessonId)?.PartId ?? "", loaded.ResponseTo(l.Ref));
        }).ToList();
        return new GradedAttempt(attempt, items, loaded);
    }

    /// <summary>
    /// A time as both providers store it (SQLite keeps 0.1 ms, PostgreSQL 1 µs), so the attempt returned from memory is the
    /// attempt every later reader gets.
    /// </summary>
    public static DateTimeOffset Stored(DateTimeOffset t) => new(t.Ticks - t.Ticks % 1000, t.Offset);

    /// <summary>Same saves: every answer has the same seq (a stored seq only ever carries one response).</summary>
    public static bool SameAnswers(IReadOnlyDictionary<int, AttemptAnswer> now, IReadOnlyDictionary<int, AttemptAnswer> before) =>
        now.Count == before.Count && now.All(a => before.TryGetValue(a.Key, out var b) && b.Seq == a.Value.Seq && b.ResponseJson == a.Value.ResponseJson);
}
