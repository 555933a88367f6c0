using CertPlatform.Web.Data;

namespace CertPlatform.Web.Features.Exams;

/// <summary>
/// The trainee's submit (POST …/submit): idempotent — the first call finishes and grades the attempt,
/// later calls return the stored result. Null when the attempt is not this user's.
/// </summary>
public sealed class SubmitAttempt(FinishAttempt finish, TimeProvider clock)
{
    public async Task<SubmittedAttempt?> RunAsync(string attemptId, string userId, CancellationToken ct)
    {
        var done = await finish.RunForOwnerAsync(attemptId, userId, FinishReason.Submitted, clock.GetUtcNow(), ct);
        return done is null ? null : new SubmittedAttempt(done.Attempt, done.Paper, done.CertificateId);
    }
}
