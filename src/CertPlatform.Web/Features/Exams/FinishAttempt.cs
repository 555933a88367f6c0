using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Features.Analytics;
using CertPlatform.Web.Features.Practice;
using CertPlatform.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CertPlatform.Web.Features.Exams;

/// <summary>
/// Finishes an attempt exactly once — by the trainee's submit, or by the server at the deadline —
/// and grades it in the same transaction: the status change is a conditional update, so of two
/// concurrent submits one finishes and grades and the other reads the stored result. Everything that can be read or
/// computed before is (paper, layout, question versions, answers, the grading of those answers); the transaction waits
/// its turn at the <see cref="SqliteWriteGate"/> and holds it only for the claim, one read of the answers as the claim
/// left them (graded again only if a save arrived after the preload), the items' insert, the notebook's two statements and the
/// totals' update. The digest
/// (built in memory, written in batches by <see cref="AttemptDigestQueue"/>), one read-back of the attempt row and the result
/// events come after the commit.
/// The finish time is never after the deadline (<see cref="AttemptDeadline.FinishTime"/>).
/// </summary>
public sealed class FinishAttempt(AppDbContext db, AttemptLoader loader, ContentCatalog catalog, MistakeNotebook mistakes,
    AttemptResultEvents results, IMemoryCache cache, TimeProvider clock, AttemptDigestQueue digests, SqliteWriteGate gate,
    ILogger<FinishAttempt> log)
{
    /// <returns>Null when there is no such attempt.</returns>
    public Task<FinishAttemptResult?> RunAsync(string attemptId, string reason, DateTimeOffset requestedAt, CancellationToken ct) =>
        FinishAsync(loader.ByIdAsync(attemptId, withItems: false, ct), reason, requestedAt, ct);

    /// <returns>Null when there is no such attempt or it is not <paramref name="userId"/>'s.</returns>
    public Task<FinishAttemptResult?> RunForOwnerAsync(string attemptId, string userId, string reason, DateTimeOffset requestedAt, CancellationToken ct) =>
        FinishAsync(loader.ForOwnerAsync(attemptId, userId, withItems: false, ct), reason, requestedAt, ct);

    private async Task<FinishAttemptResult?> FinishAsync(Task<LoadedAttempt?> load, string reason, DateTimeOffset requestedAt, CancellationToken ct)
    {
        // Paper, layout and question versions do not change while the attempt runs: read them before taking a turn to write.
        var loaded = await load;
        if (loaded is null) return null;
        var attemptId = loaded.Attempt.Id;
        var stored = loaded.Attempt; // a finished attempt never runs again: what the preload read is its stored result
        var finishedHere = false;
        if (stored.Status == AttemptStatus.InProgress)
        {
            // The deadline is fixed at the start; the grading of the answers saved so far is done before the turn to write.
            var finishedAt = Stored(AttemptDeadline.FinishTime(stored.Deadline, requestedAt));
            var graded = Grade(loaded, finishedAt, reason);
            Graded? finished;
            using (await gate.EnterAsync("finish", ct)) finished = await ClaimAndGradeAsync(loaded, graded, ct);
            if (finished is not null)
            {
                finishedHere = true;
                cache.Remove(SaveAnswer.CacheKey(attemptId));
                await digests.WriteAsync(AttemptDigestWriter.Build(finished.Attempt, finished.Items, finished.From.Layout, finished.From.Questions, finished.From.Answers));
            }
            // Read back what was stored (one row by key, outside the gate), so this caller and every later one get the very
            // same result: the stored decimals' scale and times' precision are the database's, not the grader's.
            stored = await db.Attempts.AsNoTracking().FirstAsync(a => a.Id == attemptId, ct);
        }
        return new FinishAttemptResult(stored, loaded.Paper, finishedHere, await results.PublishAsync(stored, loaded.Paper.Kind, ct));
    }

    /// <summary>An attempt graded from a set of answers: the attempt with its totals, the items, and what it was graded from.</summary>
    private sealed record Graded(Attempt Attempt, List<AttemptItem> Items, LoadedAttempt From);

    /// <summary>
    /// The write transaction: the claim, the grading (again only when the answers changed since the preload) and the notebook.
    /// Null when another caller had already finished the attempt. Runs inside the <see cref="SqliteWriteGate"/>.
    /// </summary>
    private async Task<Graded?> ClaimAndGradeAsync(LoadedAttempt preloaded, Graded graded, CancellationToken ct)
    {
        var attemptId = preloaded.Attempt.Id;
        var attempt = graded.Attempt;
        var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var t1 = System.Diagnostics.Stopwatch.GetTimestamp();
        // The claim: only one caller moves the attempt out of "in progress"; the others read its result.
        var claimed = await db.Attempts.Where(a => a.Id == attemptId && a.Status == AttemptStatus.InProgress)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AttemptStatus.Finished)
                .SetProperty(a => a.FinishedAt, attempt.FinishedAt).SetProperty(a => a.FinishReason, attempt.FinishReason), ct);
        if (claimed == 0)
        {
            await tx.RollbackAsync(ct);
            return null;
        }
        var t2 = System.Diagnostics.Stopwatch.GetTimestamp();
        // The answers as the claim left them: a save that arrived after the preload is graded, none can follow.
        var answers = await loader.AnswersAsync(attemptId, ct);
        var t3 = System.Diagnostics.Stopwatch.GetTimestamp();
        if (!SameAnswers(answers, preloaded.Answers)) graded = Grade(preloaded with { Answers = answers }, attempt.FinishedAt!.Value, attempt.FinishReason!);
        attempt = graded.Attempt;
        // Status, finish time and reason were stored by the claim: attached as they are, only the totals are updated.
        db.Attempts.Attach(attempt);
        AttemptGrading.Total(attempt, graded.Items, Stored(clock.GetUtcNow()));
        // The items in one multi-row INSERT and the notebook in two statements (not one statement per question): what a
        // submit costs PostgreSQL is mostly statements (bench/RESULTS.md "Submit statements on PostgreSQL").
        await db.InsertRowsAsync(graded.Items, ct);
        var t4 = System.Diagnostics.Stopwatch.GetTimestamp();
        // A paper whose review hides the answers (and any secure question) enters the notebook by lesson only.
        var concealed = graded.Items.Where(i => ReviewVisibility.ConcealsMistake(preloaded.Paper.ReviewShowsAnswers, preloaded.QuestionOf(i).Pool))
            .Select(i => i.QuestionId).ToHashSet();
        await mistakes.RecordExamAsync(attempt.UserId, graded.Items, concealed, ct);
        var t5 = System.Diagnostics.Stopwatch.GetTimestamp();
        // No savepoint around the save (EF's default inside a transaction: SAVEPOINT + RELEASE, two statements): a failed
        // save is never retried in this transaction, which is then rolled back whole.
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try { await db.SaveChangesAsync(ct); }
        finally { db.Database.AutoSavepointsEnabled = savepoints; }
        var t6 = System.Diagnostics.Stopwatch.GetTimestamp();
        await tx.CommitAsync(ct);
        var t7 = System.Diagnostics.Stopwatch.GetTimestamp();
        if (log.IsEnabled(LogLevel.Debug))
            log.LogDebug("FinishSection begin={Begin:0.000} claim={Claim:0.000} answers={Answers:0.000} items={Items:0.000} notebook={Notebook:0.000} totals={Totals:0.000} commit={Commit:0.000}",
                ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t3, t4), ms(t4, t5), ms(t5, t6), ms(t6, t7));
        static double ms(long a, long b) => System.Diagnostics.Stopwatch.GetElapsedTime(a, b).TotalMilliseconds;
        return graded;
    }

    /// <summary>Grades the loaded answers; the attempt carries the claim's status, finish time and reason.</summary>
    private Graded Grade(LoadedAttempt loaded, DateTimeOffset finishedAt, string reason)
    {
        var attempt = loaded.Attempt; // this request's own copy (read untracked); the claim stores the same three values
        attempt.Status = AttemptStatus.Finished;
        attempt.FinishedAt = finishedAt;
        attempt.FinishReason = reason;
        var items = loaded.Layout.Select(l =>
        {
            var q = loaded.QuestionAt(l);
            return AttemptGrading.Grade(attempt.Id, l, q, catalog.Find(q.LessonId)?.PartId ?? "", loaded.ResponseTo(l.Ref));
        }).ToList();
        return new Graded(attempt, items, loaded);
    }

    /// <summary>Same saves: every answer has the same seq (a stored seq only ever carries one response).</summary>
    private static bool SameAnswers(IReadOnlyDictionary<int, AttemptAnswer> now, IReadOnlyDictionary<int, AttemptAnswer> before) =>
        now.Count == before.Count && now.All(a => before.TryGetValue(a.Key, out var b) && b.Seq == a.Value.Seq && b.ResponseJson == a.Value.ResponseJson);

    /// <summary>
    /// A time as both providers store it (SQLite keeps 0.1 ms, PostgreSQL 1 µs), so the attempt returned from memory is the
    /// attempt every later reader gets.
    /// </summary>
    private static DateTimeOffset Stored(DateTimeOffset t) => new(t.Ticks - t.Ticks % 1000, t.Offset);
}
