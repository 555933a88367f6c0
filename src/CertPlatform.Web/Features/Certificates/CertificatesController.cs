using System.Security.Claims;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Certificates;

/// <summary>A trainee's certificates (download, share link) and the PDF download for the owner, HR and admins.</summary>
[Authorize]
[Route("certificates")]
public sealed class CertificatesController(AppDbContext db, IOptions<CertificateOptions> options, TimeProvider clock,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : Controller
{
    /// <summary>ViewData key of the trainee's passes whose certificate waits for the account to be verified.</summary>
    public const string HeldViewDataKey = "HeldPasses";

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] HeldCertificates held, CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        ViewData[HeldViewDataKey] = await held.ListAsync(userId, ct);
        var mine = await db.Certificates.AsNoTracking().Where(c => c.UserId == userId).OrderByDescending(c => c.IssuedAt).ToListAsync(ct);
        var numbers = mine.ToDictionary(c => c.Id, c => c.Number);
        var now = clock.GetUtcNow();
        return View(mine.Select(c => new MyCertificate(c, c.EffectiveStatus(now), options.Value.VerificationUrl(c.VerificationCode),
            c.PreviousCertificateId is { } p ? numbers.GetValueOrDefault(p) : null)).ToList());
    }

    /// <summary>The stored bytes, exactly as issued. Owners download their own; HR and admins any.</summary>
    [HttpGet("{id}/pdf")]
    public async Task<IActionResult> Pdf(string id, [FromServices] AuditLog audit, CancellationToken ct)
    {
        var certificate = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (certificate is null || (certificate.UserId != userId && !User.IsInRole(Roles.HR) && !User.IsInRole(Roles.Admin))) return NotFound();
        var bytes = await db.CertificateFiles.Where(f => f.CertificateId == id).Select(f => f.Bytes).FirstOrDefaultAsync(ct);
        if (bytes is null)
        {
            // Reserved but not rendered yet (or the render failed and the safety net will retry).
            Response.Headers.RetryAfter = "60";
            return StatusCode(StatusCodes.Status409Conflict, L["证书文件正在生成，请稍后刷新。"].Value);
        }
        audit.Record(User, "certificate.downloaded", $"certificate:{certificate.Number}");
        await db.SaveChangesAsync(ct);
        Response.Headers.CacheControl = "private, no-cache";
        Response.Headers.ETag = $"\"{certificate.PdfSha256}\"";
        return File(bytes, "application/pdf", $"certificate-{certificate.Number}.pdf");
    }
}
