using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Exams;

/// <summary>Raised when a certification attempt's result becomes final and passed (consumed by the certificate feature).</summary>
public sealed record CertificationPassed(string AttemptId, string UserId, string PaperId, decimal Score, decimal MaxScore, DateTimeOffset PassedAt);

/// <summary>Reacts to a passed certification attempt; must be idempotent (it may hear about one attempt more than once). Returns a certificate id when it issues one.</summary>
public interface ICertificationPassedHandler
{
    Task<string?> HandleAsync(CertificationPassed passed, CancellationToken ct);
}

/// <summary>
/// Finishes an attempt exactly once — by the trainee's submit, or by the server at the deadline —
/// and grades it in the same transaction: the status change is a conditional update, so of two
/// concurrent submits one finishes and grades and the other reads the stored result.
/// </summary>
public sealed class FinishAttempt(AppDbContext db, ExamQuestions questions, ContentCatalog catalog, MistakeNotebook mistakes,
    IEnumerable<ICertificationPassedHandler> passHandlers, Microsoft.Extensions.Caching.Memory.IMemoryCache cache, TimeProvider clock, ILogger<FinishAttempt> log)
{
    public sealed record Outcome(Attempt Attempt, bool FinishedNow, string? CertificateId);

    public async Task<Outcome?> RunAsync(string attemptId, string reason, DateTimeOffset requestedAt, CancellationToken ct)
    {
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var deadline = await db.Attempts.Where(a => a.Id == attemptId).Select(a => (DateTimeOffset?)a.Deadline).FirstOrDefaultAsync(ct);
            if (deadline is null) return null;
            var finishedAt = requestedAt < deadline ? requestedAt : deadline.Value;
            // The claim: only one caller moves the attempt out of "in progress"; the others read its result.
            var claimed = await db.Attempts.Where(a => a.Id == attemptId && a.Status == AttemptStatus.InProgress)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AttemptStatus.Finished)
                    .SetProperty(a => a.FinishedAt, finishedAt).SetProperty(a => a.FinishReason, reason), ct);
            if (claimed == 0)
            {
                await tx.RollbackAsync(ct);
                var done = await db.Attempts.AsNoTracking().FirstAsync(a => a.Id == attemptId, ct);
                return new Outcome(done, false, await AfterFinalAsync(done, ct));
            }
            var attempt = await db.Attempts.FirstAsync(a => a.Id == attemptId, ct);

            var answers = await db.AttemptAnswers.AsNoTracking().Where(x => x.AttemptId == attemptId)
                .ToDictionaryAsync(x => x.QuestionRef, x => x.ResponseJson, ct);
            var layout = AttemptGrading.Layout(attempt);
            var loaded = await questions.GetAsync(layout.Select(l => (l.QuestionId, l.Version)), db, ct);
            var items = layout.Select(l =>
            {
                var q = loaded[(l.QuestionId, l.Version)];
                return AttemptGrading.Grade(attemptId, l, q, catalog.Find(q.LessonId)?.PartId ?? "",
                    answers.TryGetValue(l.Ref, out var json) ? ResponseJson.Deserialize(json) : null);
            }).ToList();
            db.AttemptItems.AddRange(items);
            AttemptGrading.Total(attempt, items, clock.GetUtcNow());
            await mistakes.RecordExamAsync(attempt.UserId, items, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            cache.Remove(SaveAnswer.CacheKey(attemptId));
            // Read back what was stored, so this caller and every later one get the very same result.
            var stored = await db.Attempts.AsNoTracking().FirstAsync(a => a.Id == attemptId, ct);
            return new Outcome(stored, true, await AfterFinalAsync(stored, ct));
        }
    }

    /// <summary>Tells the certificate feature about a final pass of a certification paper (idempotent there).</summary>
    public async Task<string?> AfterFinalAsync(Attempt attempt, CancellationToken ct)
    {
        if (attempt is not { Grading: GradingStatus.Final, Passed: true }) return null;
        var kind = await db.Papers.Where(p => p.Id == attempt.PaperId).Select(p => p.Kind).FirstAsync(ct);
        if (kind != PaperKind.Certification) return null;
        string? certificateId = null;
        var passed = new CertificationPassed(attempt.Id, attempt.UserId, attempt.PaperId, attempt.Score ?? 0, attempt.MaxScore, attempt.FinishedAt ?? attempt.GradedAt ?? clock.GetUtcNow());
        foreach (var h in passHandlers)
        {
            // The attempt's result is already stored; a handler failing (say, PDF rendering) must not
            // fail the submit. IssueMissingCertificates retries later.
            try { certificateId = await h.HandleAsync(passed, ct) ?? certificateId; }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogError(e, "Certification pass of attempt {Attempt} not handled yet", attempt.Id); }
        }
        return certificateId;
    }
}
