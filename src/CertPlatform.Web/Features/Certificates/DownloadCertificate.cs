using System.Security.Claims;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Certificates;

/// <summary>The stored PDF of a certificate for its owner, HR or an administrator; each download is audited.</summary>
public sealed class DownloadCertificate(AppDbContext db, AuditLog audit)
{
    public async Task<DownloadCertificateResult> RunAsync(string id, ClaimsPrincipal user, CancellationToken ct)
    {
        var certificate = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (certificate is null || (certificate.UserId != userId && !user.IsInRole(Roles.HR) && !user.IsInRole(Roles.Admin))) return DownloadCertificateResult.NotFound;
        var bytes = await db.CertificateFiles.Where(f => f.CertificateId == id).Select(f => f.Bytes).FirstOrDefaultAsync(ct);
        // Reserved but not rendered yet (or the render failed and the safety net will retry).
        if (bytes is null) return DownloadCertificateResult.NotRendered;
        audit.Record(user, AuditActions.CertificateDownloaded, $"certificate:{certificate.Number}");
        await db.SaveChangesAsync(ct);
        return new DownloadCertificateResult(DownloadCertificateOutcome.Ready, certificate.Number, certificate.PdfSha256, bytes);
    }
}
