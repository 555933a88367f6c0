using System.Diagnostics;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Features.Practice;
using CertPlatform.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Exams;

/// <summary>
/// The write transaction of <see cref="FinishAttempt"/>, for one attempt or for several at once (group commit,
/// <see cref="FinishWriter"/>). Per attempt: the claim — a conditional update, so of two callers only one moves the attempt
/// out of "in progress", including two entries for the same attempt in one batch — then the answers as the claim left them (graded
/// again only if a save arrived after the preload; none can follow), the items in one multi-row INSERT, the totals and the
/// notebook's two statements. Then the totals' updates and one commit. Run it at the
/// <see cref="SqliteWriteGate"/>; it throws when any statement fails (the transaction is then rolled back whole).
/// </summary>
public sealed class FinishWrites(AppDbContext db, AttemptLoader loader, AttemptGrader grader, MistakeNotebook mistakes, TimeProvider clock,
    ILogger<FinishWrites> log)
{
    /// <returns>The attempt as finished here, or null when another caller had already finished it.</returns>
    public async Task<GradedAttempt?> OneAsync(GradedAttempt graded, CancellationToken ct) => (await ManyAsync([graded], ct))[0];

    /// <returns>Per attempt, in order: as finished here, or null when finished before (by another caller or earlier in the list).</returns>
    public async Task<GradedAttempt?[]> ManyAsync(IReadOnlyList<GradedAttempt> batch, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var finished = new GradedAttempt?[batch.Count];
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        for (var i = 0; i < batch.Count; i++) finished[i] = await ClaimAsync(batch[i], ct);
        if (finished.All(f => f is null))
        {
            await tx.RollbackAsync(ct);
            return finished;
        }
        var claimed = Stopwatch.GetTimestamp();
        await SaveAsync(ct); // the totals
        var committing = Stopwatch.GetTimestamp();
        await tx.CommitAsync(ct);
        if (log.IsEnabled(LogLevel.Debug))
            log.LogDebug("Finished {Count} attempts in one transaction: {ClaimsMs:0.00} ms claims, answers, items and notebook, {TotalsMs:0.00} ms totals, {CommitMs:0.00} ms commit",
                batch.Count, Stopwatch.GetElapsedTime(started, claimed).TotalMilliseconds,
                Stopwatch.GetElapsedTime(claimed, committing).TotalMilliseconds, Stopwatch.GetElapsedTime(committing).TotalMilliseconds);
        return finished;
    }

    private async Task<GradedAttempt?> ClaimAsync(GradedAttempt graded, CancellationToken ct)
    {
        var preloaded = graded.From;
        var attempt = graded.Attempt;
        // The claim: only one caller moves the attempt out of "in progress"; the others read its result.
        var claimed = await db.Attempts.Where(a => a.Id == attempt.Id && a.Status == AttemptStatus.InProgress)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AttemptStatus.Finished)
                .SetProperty(a => a.FinishedAt, attempt.FinishedAt).SetProperty(a => a.FinishReason, attempt.FinishReason), ct);
        if (claimed == 0) return null;
        // The answers as the claim left them: a save that arrived after the preload is graded, none can follow.
        var answers = await loader.AnswersAsync(attempt.Id, ct);
        if (!AttemptGrader.SameAnswers(answers, preloaded.Answers))
            graded = grader.Grade(preloaded with { Answers = answers }, attempt.FinishedAt!.Value, attempt.FinishReason!);
        attempt = graded.Attempt;
        // Status, finish time and reason were stored by the claim: attached as they are, only the totals are updated.
        db.Attempts.Attach(attempt);
        AttemptGrading.Total(attempt, graded.Items, AttemptGrader.Stored(clock.GetUtcNow()));
        // The items in one multi-row INSERT (not one statement per question): what a submit costs PostgreSQL is mostly
        // statements (bench/RESULTS.md "Submit statements on PostgreSQL"). One per attempt, not one for the whole batch:
        // SQLite's binding of a statement's parameters by name grows with the square of their number (a batch of 64
        // attempts' 1,280 rows took 5–17 s in one statement, 1–3 ms per attempt in one each).
        await db.InsertRowsAsync(graded.Items, ct);
        // A paper whose review hides the answers (and any secure question) enters the notebook by lesson only.
        var concealed = graded.Items.Where(i => ReviewVisibility.ConcealsMistake(preloaded.Paper.ReviewShowsAnswers, preloaded.QuestionOf(i).Pool))
            .Select(i => i.QuestionId).ToHashSet();
        await mistakes.RecordExamAsync(attempt.UserId, graded.Items, concealed, ct);
        // The notebook's read-and-apply path (an attempt that holds a question twice) leaves its changes tracked: written
        // now and forgotten, so that another attempt of the same trainee later in this transaction — whose notebook
        // statements run at once — builds on them, and reads the rows afresh if it takes that path too.
        var notebook = db.ChangeTracker.Entries<MistakeEntry>().ToList();
        if (notebook.Count > 0)
        {
            await SaveAsync(ct);
            foreach (var e in notebook) e.State = EntityState.Detached;
        }
        return graded;
    }

    /// <summary>
    /// No savepoint around the save (EF's default inside a transaction: SAVEPOINT + RELEASE, two statements): a failed save
    /// is never retried in this transaction, which is then rolled back whole.
    /// </summary>
    private async Task SaveAsync(CancellationToken ct)
    {
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try { await db.SaveChangesAsync(ct); }
        finally { db.Database.AutoSavepointsEnabled = savepoints; }
    }
}
