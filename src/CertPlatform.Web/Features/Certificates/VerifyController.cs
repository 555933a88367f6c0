using System.Security.Cryptography;
using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Certificates;

/// <summary>
/// Public verification (no login): /verify/{code}. An unknown code gets the same plain "not found" whatever it is; the
/// holder's name is masked, and a visitor may ask whether it is a given full name (yes/no). Everything here is
/// rate-limited per client address (429).
/// </summary>
[AllowAnonymous]
[Route("verify")]
[EnableRateLimiting(RateLimits.Verify)]
public sealed class VerifyController(VerifyCertificate verify, IStringLocalizer<SharedResource> L) : Controller
{
    public const long MaxUpload = 20 * 1024 * 1024;

    [HttpGet("{code}")]
    public async Task<IActionResult> Show(string code, CancellationToken ct)
    {
        var model = await verify.LoadAsync(code, ct);
        if (model is null) return NotFoundResult();
        return WantsJson() ? Json(Facts(model)) : View(model);
    }

    /// <summary>The certificate's Open Badges 3.0 credential as issued: a VC-JWT (compact JWS, RS256).</summary>
    [HttpGet("{code}/credential.jwt")]
    public async Task<IActionResult> CredentialJwt(string code, CancellationToken ct)
    {
        if (await verify.CredentialAsync(code, ct) is not { } jwt) return NotFoundResult();
        return File(System.Text.Encoding.ASCII.GetBytes(jwt), "application/vc+jwt", $"credential-{code[..8]}.jwt");
    }

    /// <summary>The same credential's JSON (the JWT's payload, after checking its signature).</summary>
    [HttpGet("{code}/credential.json")]
    public async Task<IActionResult> CredentialJson(string code, CancellationToken ct)
    {
        if (await verify.CredentialAsync(code, ct) is not { } jwt || verify.Payload(jwt) is not { } payload) return NotFoundResult();
        var json = payload.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        return File(System.Text.Encoding.UTF8.GetBytes(json), "application/vc+ld+json", $"credential-{code[..8]}.json");
    }

    /// <summary>"Is the holder 李晓梅?" — yes or no, without ever showing the name. JSON: <c>{ "matches": true }</c>.</summary>
    [HttpPost("{code}/name")]
    public async Task<IActionResult> Name(string code, [FromForm] string? name, CancellationToken ct)
    {
        var (outcome, model) = await verify.CheckNameAsync(code, name, ct);
        switch (outcome)
        {
            case CheckNameOutcome.NotFound:
                return NotFoundResult();
            case CheckNameOutcome.NameMissing:
                var message = L["请输入要核对的持证人全名（不超过 {0} 个字符）。", VerifyCertificate.MaxNameLength].Value;
                if (WantsJson()) return BadRequest(new { error = message, field = "name" });
                ModelState.AddModelError("name", message);
                var view = View("Show", model);
                view.StatusCode = StatusCodes.Status400BadRequest;
                return view;
            default:
                return WantsJson() ? Json(new { matches = model!.NameMatches }) : View("Show", model);
        }
    }

    /// <summary>Tells whether an uploaded file is byte-for-byte the PDF that was issued (compares SHA-256).</summary>
    [HttpPost("{code}/check")]
    [RequestSizeLimit(MaxUpload + 64 * 1024)]
    public async Task<IActionResult> Check(string code, IFormFile? file, CancellationToken ct)
    {
        var model = await verify.LoadAsync(code, ct);
        if (model is null) return NotFoundResult();
        if (file is null || file.Length == 0 || file.Length > MaxUpload)
        {
            ModelState.AddModelError("file", L["请选择要核对的 PDF 文件（不超过 20 MB）。"]);
            var view = View("Show", model);
            view.StatusCode = StatusCodes.Status400BadRequest;
            return view;
        }
        string hash;
        await using (var stream = file.OpenReadStream()) hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
        return View("Show", model with { UploadMatches = model.PdfSha256 is not null && hash == model.PdfSha256, UploadName = Path.GetFileName(file.FileName) });
    }

    private static object Facts(VerificationModel m) => new
    {
        holder = m.Holder, number = m.Number, title = m.Title, level = m.Level, programme = m.Programme, paperVersion = m.PaperVersion, passDate = m.PassDate, issuedOn = m.IssuedOn,
        validUntil = m.ValidUntil, expiresOn = m.ValidUntil, status = CertificateStatus.Key(m.Status), revokedOn = m.RevokedOn, pdfSha256 = m.PdfSha256,
        credential = m.HasCredential ? new { jwt = $"/verify/{m.Code}/credential.jwt", json = $"/verify/{m.Code}/credential.json", signatureValid = m.CredentialSignatureValid } : null,
    };

    private bool WantsJson() => Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>The same answer for every unknown code: nothing about whether it ever existed.</summary>
    private IActionResult NotFoundResult()
    {
        if (WantsJson()) return NotFound(new { status = "not-found" });
        var view = View("NotFound");
        view.StatusCode = StatusCodes.Status404NotFound;
        return view;
    }
}
