using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Features.Analytics;
using CertPlatform.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CertPlatform.Web.Features.Exams;

/// <summary>
/// Finishes an attempt exactly once — by the trainee's submit, or by the server at the deadline —
/// and grades it in the same transaction: the status change is a conditional update, so of two
/// concurrent submits one finishes and grades and the other reads the stored result. Everything that can be read or
/// computed before is (paper, layout, question versions, answers, the grading of those answers); the transaction
/// (<see cref="FinishWrites"/>) holds only the claim, one read of the answers as the claim left them (graded again only if a
/// save arrived after the preload), the items' insert, the notebook's two statements and the totals' update. On SQLite it is
/// shared: attempts finishing at the same time are written in one transaction at the <see cref="SqliteWriteGate"/> by the
/// <see cref="FinishWriter"/> (group commit); on PostgreSQL each request writes its own. The digest
/// (built in memory, written in batches by <see cref="AttemptDigestQueue"/>), one read-back of the attempt row and the result
/// events come after the commit.
/// The finish time is never after the deadline (<see cref="AttemptDeadline.FinishTime"/>).
/// </summary>
public sealed class FinishAttempt(AppDbContext db, AttemptLoader loader, AttemptGrader grader, FinishWrites writes, FinishWriter writer,
    AttemptResultEvents results, IMemoryCache cache, AttemptDigestQueue digests, SqliteWriteGate gate)
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
            var finishedAt = AttemptGrader.Stored(AttemptDeadline.FinishTime(stored.Deadline, requestedAt));
            var graded = grader.Grade(loaded, finishedAt, reason);
            ct.ThrowIfCancellationRequested();
            GradedAttempt? finished;
            // Queued, the write is not cancellable: it may already be in flight and must be reported truthfully.
            if (gate.OneWriter && writer.TryQueue(graded, out var queued)) finished = await queued;
            else
                using (await gate.EnterAsync("finish", ct)) finished = await writes.OneAsync(graded, ct);
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
}
