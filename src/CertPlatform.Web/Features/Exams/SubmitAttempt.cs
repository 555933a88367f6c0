using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Exams;

/// <summary>
/// The trainee's submit (POST …/submit): idempotent — the first call finishes and grades the attempt,
/// later calls return the stored result. Null when the attempt is not this user's.
/// </summary>
public sealed class SubmitAttempt(AppDbContext db, FinishAttempt finish, TimeProvider clock)
{
    public async Task<SubmittedAttempt?> RunAsync(string attemptId, string userId, CancellationToken ct)
    {
        if (!await db.Attempts.AnyAsync(a => a.Id == attemptId && a.UserId == userId, ct)) return null;
        var done = (await finish.RunAsync(attemptId, FinishReason.Submitted, clock.GetUtcNow(), ct))!;
        var paper = await db.Papers.AsNoTracking().FirstAsync(p => p.Id == done.Attempt.PaperId, ct);
        return new SubmittedAttempt(done.Attempt, paper, done.CertificateId);
    }
}
