using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Certificates;

/// <summary>
/// Passes held until the account is verified (<see cref="Domain.Certificates.CertificationDecision.HeldUntilVerified"/>): the
/// public surface that the verification page, HR records, 我的证书 and the result page read.
/// </summary>
public sealed class HeldCertificates(AppDbContext db)
{
    public const int Limit = 500;

    /// <summary>Held passes, newest first; of one trainee when <paramref name="userId"/> is given.</summary>
    public async Task<IReadOnlyList<HeldPass>> ListAsync(string? userId, CancellationToken ct)
    {
        var held = CertificationEligibility.HeldAttempts(db).AsNoTracking();
        if (userId is not null) held = held.Where(a => a.UserId == userId);
        var rows = await (from a in held
                          join u in db.Users on a.UserId equals u.Id
                          join p in db.Papers on a.PaperId equals p.Id
                          select new { a.Id, a.UserId, u.FullName, u.EmployeeNumber, u.Organization, p.Title, a.Score, a.FinishedAt, a.GradedAt, a.StartedAt })
            .ToListAsync(ct);
        // Ordered here: SQLite cannot order DateTimeOffset in SQL; one code path for both providers.
        return rows.Select(r => new HeldPass(r.Id, r.UserId, r.FullName, r.EmployeeNumber, r.Organization, r.Title, r.Score ?? 0,
                r.FinishedAt ?? r.GradedAt ?? r.StartedAt))
            .OrderByDescending(h => h.PassedAt).Take(Limit).ToList();
    }

    /// <summary>Whether this attempt's certificate is held until its holder is verified.</summary>
    public Task<bool> IsHeldAsync(string attemptId, CancellationToken ct) =>
        CertificationEligibility.HeldAttempts(db).AnyAsync(a => a.Id == attemptId, ct);
}
