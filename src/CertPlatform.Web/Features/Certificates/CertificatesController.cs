using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CertPlatform.Web.Features.Certificates;

/// <summary>A trainee's certificates (download, share link) and the PDF download for the owner, HR and admins.</summary>
[Authorize]
[Route("certificates")]
public sealed class CertificatesController(Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : Controller
{
    /// <summary>ViewData key of the trainee's passes whose certificate waits for the account to be verified.</summary>
    public const string HeldViewDataKey = "HeldPasses";

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] HeldCertificates held, [FromServices] CertificateQueries queries, CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        ViewData[HeldViewDataKey] = await held.ListAsync(userId, ct);
        return View(await queries.MineAsync(userId, ct));
    }

    /// <summary>The stored bytes, exactly as issued. Owners download their own; HR and admins any.</summary>
    [HttpGet("{id}/pdf")]
    public async Task<IActionResult> Pdf(string id, [FromServices] DownloadCertificate download, CancellationToken ct)
    {
        var result = await download.RunAsync(id, User, ct);
        switch (result.Outcome)
        {
            case DownloadCertificateOutcome.NotFound:
                return NotFound();
            case DownloadCertificateOutcome.NotRendered:
                Response.Headers.RetryAfter = "60";
                return StatusCode(StatusCodes.Status409Conflict, L["证书文件正在生成，请稍后刷新。"].Value);
            default:
                Response.Headers.CacheControl = "private, no-cache";
                Response.Headers.ETag = $"\"{result.Sha256}\"";
                return File(result.Bytes!, "application/pdf", $"certificate-{result.Number}.pdf");
        }
    }
}
