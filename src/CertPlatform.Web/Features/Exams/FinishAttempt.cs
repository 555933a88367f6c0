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
/// concurrent submits one finishes and grades and the other reads the stored result. The transaction waits
/// its turn at the <see cref="SqliteWriteGate"/>; the digest and the result events come after it. The finish
/// time is never after the deadline (<see cref="AttemptDeadline.FinishTime"/>).
/// </summary>
public sealed class FinishAttempt(AppDbContext db, AttemptLoader loader, ContentCatalog catalog, MistakeNotebook mistakes,
    AttemptResultEvents results, IMemoryCache cache, TimeProvider clock, AttemptDigestWriter digests, SqliteWriteGate gate, ILogger<FinishAttempt> log)
{
    /// <returns>Null when there is no such attempt.</returns>
    public async Task<FinishAttemptResult?> RunAsync(string attemptId, string reason, DateTimeOffset requestedAt, CancellationToken ct)
    {
        // Paper, layout and question versions do not change while the attempt runs: read them before taking a turn to write.
        var loaded = await loader.ByIdAsync(attemptId, withItems: false, ct);
        if (loaded is null) return null;
        var finishedHere = false;
        if (loaded.Attempt.Status == AttemptStatus.InProgress) // a finished attempt never runs again: no turn needed to see that
            using (await gate.EnterAsync(ct)) finishedHere = await ClaimAndGradeAsync(loaded, reason, requestedAt, ct);
        if (finishedHere)
        {
            cache.Remove(SaveAnswer.CacheKey(attemptId));
            await WriteDigestAsync(attemptId, ct);
        }
        // Read back what was stored, so this caller and every later one get the very same result.
        var stored = await db.Attempts.AsNoTracking().FirstAsync(a => a.Id == attemptId, ct);
        return new FinishAttemptResult(stored, finishedHere, await results.PublishAsync(stored, ct));
    }

    /// <summary>
    /// The write transaction: the claim, the grading and the notebook. True when this call finished the attempt, false
    /// when another had already. Runs inside the <see cref="SqliteWriteGate"/>.
    /// </summary>
    private async Task<bool> ClaimAndGradeAsync(LoadedAttempt preloaded, string reason, DateTimeOffset requestedAt, CancellationToken ct)
    {
        var attemptId = preloaded.Attempt.Id;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var deadline = await db.Attempts.Where(a => a.Id == attemptId).Select(a => a.Deadline).FirstAsync(ct);
        var finishedAt = AttemptDeadline.FinishTime(deadline, requestedAt);
        // The claim: only one caller moves the attempt out of "in progress"; the others read its result.
        var claimed = await db.Attempts.Where(a => a.Id == attemptId && a.Status == AttemptStatus.InProgress)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AttemptStatus.Finished)
                .SetProperty(a => a.FinishedAt, finishedAt).SetProperty(a => a.FinishReason, reason), ct);
        if (claimed == 0)
        {
            await tx.RollbackAsync(ct);
            return false;
        }
        // The answers as the claim left them: a save that arrived after the preload is graded, none can follow.
        var loaded = await loader.RefreshAsync(preloaded, ct);
        var attempt = loaded.Attempt;
        db.Attempts.Attach(attempt);
        var items = loaded.Layout.Select(l =>
        {
            var q = loaded.QuestionAt(l);
            return AttemptGrading.Grade(attemptId, l, q, catalog.Find(q.LessonId)?.PartId ?? "", loaded.ResponseTo(l.Ref));
        }).ToList();
        db.AttemptItems.AddRange(items);
        AttemptGrading.Total(attempt, items, clock.GetUtcNow());
        // A paper whose review hides the answers (and any secure question) enters the notebook by lesson only.
        var concealed = items.Where(i => ReviewVisibility.ConcealsMistake(loaded.Paper.ReviewShowsAnswers, loaded.QuestionOf(i).Pool))
            .Select(i => i.QuestionId).ToHashSet();
        await mistakes.RecordExamAsync(attempt.UserId, items, concealed, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// The attempt's digest for item analysis, written just after the grading commits rather than inside it: its reads
    /// (attempt, items, answers, layout) would otherwise hold SQLite's one write lock during a submit storm
    /// (bench/RESULTS.md). If it fails, the statistics read this attempt from its items until the next backfill.
    /// </summary>
    private async Task WriteDigestAsync(string attemptId, CancellationToken ct)
    {
        try
        {
            await digests.WriteAsync([attemptId], ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            log.LogWarning(e, "Digest of attempt {Attempt} not written; statistics read it from its items", attemptId);
        }
    }
}
