using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using CertPlatform.Web.Features.QuestionBank;
using CertPlatform.Web.Features.Practice;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Domain.Exams;

namespace CertPlatform.Web.Features.Exams;

/// <summary>
/// Finishes an attempt exactly once — by the trainee's submit, or by the server at the deadline —
/// and grades it in the same transaction: the status change is a conditional update, so of two
/// concurrent submits one finishes and grades and the other reads the stored result.
/// </summary>
public sealed class FinishAttempt(AppDbContext db, QuestionVersionCache questions, ContentCatalog catalog, MistakeNotebook mistakes,
    AttemptResultEvents results, Microsoft.Extensions.Caching.Memory.IMemoryCache cache, TimeProvider clock)
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
                return new Outcome(done, false, await results.PublishAsync(done, ct));
            }
            var attempt = await db.Attempts.FirstAsync(a => a.Id == attemptId, ct);

            var answers = await db.AttemptAnswers.AsNoTracking().Where(x => x.AttemptId == attemptId)
                .ToDictionaryAsync(x => x.QuestionRef, x => x.ResponseJson, ct);
            var layout = AttemptLayout.Parse(attempt.LayoutJson);
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
            return new Outcome(stored, true, await results.PublishAsync(stored, ct));
        }
    }
}
