using System.Security.Claims;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Certificates;

/// <summary>HR or an admin revokes a certificate with a reason. The PDF stays downloadable; verification says "revoked".</summary>
public sealed class RevokeCertificate(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<RevokeCertificateOutcome> RunAsync(string certificateId, string? reason, ClaimsPrincipal actor, CancellationToken ct)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 500) return RevokeCertificateOutcome.ReasonMissing;
        var c = await db.Certificates.FirstOrDefaultAsync(x => x.Id == certificateId, ct);
        if (c is null) return RevokeCertificateOutcome.NotFound;
        if (c.Status == CertificateStatus.Revoked) return RevokeCertificateOutcome.AlreadyRevoked;
        c.Status = CertificateStatus.Revoked;
        c.RevokedAt = clock.GetUtcNow();
        c.RevokedBy = actor.Identity?.Name ?? "";
        c.RevocationReason = reason;
        audit.Record(actor, AuditActions.CertificateRevoked, $"certificate:{c.Number}", reason);
        await db.SaveChangesAsync(ct);
        return RevokeCertificateOutcome.Revoked;
    }
}
