using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Certificates;

/// <summary>
/// When an account is verified, issues the certificates its passes were held for. Idempotent: <see cref="IssueCertificate"/>
/// issues one certificate per attempt, so a repeated event (or the safety net running at the same time) adds nothing.
/// </summary>
public sealed class IssueHeldCertificates(AppDbContext db, IssueCertificate issue, ILogger<IssueHeldCertificates> log) : IAccountVerifiedHandler
{
    public async Task OnVerifiedAsync(AccountVerified verified, CancellationToken ct)
    {
        var attempts = await CertificationEligibility.EligibleAttempts(db).AsNoTracking()
            .Where(a => a.UserId == verified.UserId && !db.Certificates.Any(c => c.AttemptId == a.Id))
            .Select(a => a.Id).ToListAsync(ct);
        foreach (var attemptId in attempts) await issue.IssueAsync(attemptId, ct);
        if (attempts.Count > 0) log.LogInformation("Issued {Count} held certificates for verified account {UserId}", attempts.Count, verified.UserId);
    }
}
