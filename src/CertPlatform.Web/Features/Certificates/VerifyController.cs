using System.Security.Cryptography;
using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Certificates;

/// <summary>What the public verification page and its JSON tell about a certificate.</summary>
public sealed record VerificationModel(string Code, string Holder, string Number, string Title, string Level, DateOnly PassDate, DateOnly IssuedOn,
    DateOnly ExpiresOn, string Status, DateOnly? RevokedOn, string PdfSha256, bool? UploadMatches, string? UploadName);

/// <summary>
/// Public verification (no login): /verify/{code}. An unknown code gets the same plain "not found"
/// whatever it is; the page is rate-limited per client address (429).
/// </summary>
[AllowAnonymous]
[Route("verify")]
[EnableRateLimiting(RateLimits.Verify)]
public sealed class VerifyController(AppDbContext db, IOptions<CertificateOptions> options, TimeProvider clock) : Controller
{
    public const long MaxUpload = 20 * 1024 * 1024;

    [HttpGet("{code}")]
    public async Task<IActionResult> Show(string code, CancellationToken ct)
    {
        var model = await ModelAsync(code, null, null, ct);
        if (model is null) return NotFoundResult();
        if (WantsJson()) return Json(new
        {
            holder = model.Holder, number = model.Number, title = model.Title, level = model.Level, passDate = model.PassDate, issuedOn = model.IssuedOn,
            expiresOn = model.ExpiresOn, status = model.Status.ToLowerInvariant(), revokedOn = model.RevokedOn, pdfSha256 = model.PdfSha256,
        });
        return View(model);
    }

    /// <summary>Tells whether an uploaded file is byte-for-byte the PDF that was issued (compares SHA-256).</summary>
    [HttpPost("{code}/check")]
    [RequestSizeLimit(MaxUpload + 64 * 1024)]
    public async Task<IActionResult> Check(string code, IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0 || file.Length > MaxUpload)
        {
            var again = await ModelAsync(code, null, null, ct);
            if (again is null) return NotFoundResult();
            ModelState.AddModelError("file", "请选择要核对的 PDF 文件（不超过 20 MB）。");
            return View("Show", again);
        }
        string hash;
        await using (var stream = file.OpenReadStream()) hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
        var model = await ModelAsync(code, hash, Path.GetFileName(file.FileName), ct);
        return model is null ? NotFoundResult() : View("Show", model);
    }

    private bool WantsJson() => Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>The same answer for every unknown code: nothing about whether it ever existed.</summary>
    private IActionResult NotFoundResult()
    {
        if (WantsJson()) return NotFound(new { status = "not-found" });
        var view = View("NotFound");
        view.StatusCode = StatusCodes.Status404NotFound;
        return view;
    }

    private async Task<VerificationModel?> ModelAsync(string code, string? uploadHash, string? uploadName, CancellationToken ct)
    {
        if (code.Length is < 20 or > 64) return null;
        var c = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(x => x.VerificationCode == code, ct);
        if (c is null) return null;
        var zone = options.Value.Zone;
        DateOnly Day(DateTimeOffset t) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(t, zone).Date);
        return new VerificationModel(code, options.Value.MaskHolderName ? Mask(c.HolderName) : c.HolderName, c.Number, c.Title, c.Level,
            Day(c.PassedAt), Day(c.IssuedAt), Day(c.ExpiresAt), c.EffectiveStatus(clock.GetUtcNow()), c.RevokedAt is { } r ? Day(r) : null,
            c.PdfSha256, uploadHash is null ? null : uploadHash == c.PdfSha256, uploadName);
    }

    /// <summary>张三丰 → 张*丰, 李四 → 李*: enough to match a person in hand, not enough to harvest names.</summary>
    public static string Mask(string name)
    {
        var chars = System.Globalization.StringInfo.GetTextElementEnumerator(name);
        var elements = new List<string>();
        while (chars.MoveNext()) elements.Add(chars.GetTextElement());
        return elements.Count switch
        {
            0 => "",
            1 => "*",
            2 => elements[0] + "*",
            _ => elements[0] + new string('*', elements.Count - 2) + elements[^1],
        };
    }
}
