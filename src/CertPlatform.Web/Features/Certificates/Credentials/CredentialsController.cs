using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CertPlatform.Web.Features.Certificates.Credentials;

/// <summary>
/// The public, stable addresses a verifier needs besides the credential itself: the issuer's keys (JWKS, current and
/// retired), the issuer profile and the achievement. Cacheable by anyone for an hour.
/// </summary>
[AllowAnonymous]
[Route("credentials")]
public sealed class CredentialsController(CredentialSigner signer, OpenBadgeCredentials credentials) : Controller
{
    [HttpGet("jwks.json")]
    public IActionResult Jwks() => Public(signer.Jwks().ToJsonString(), "application/jwk-set+json");

    /// <summary>The revocation status list of one year's certificates (W3C Bitstring Status List, signed VC-JWT). Cached for 5 minutes.</summary>
    [HttpGet("status/{list:int:range(2000,9999)}")]
    public async Task<IActionResult> Status(int list, [FromServices] StatusListCredential status, CancellationToken ct)
    {
        var jwt = await status.SignedAsync(list, ct);
        Response.Headers.CacheControl = "public, max-age=300";
        Response.Headers.AccessControlAllowOrigin = "*";
        return Content(jwt, "application/vc+jwt");
    }

    [HttpGet("issuer")]
    public IActionResult Issuer()
    {
        var profile = credentials.Issuer();
        profile.Insert(0, "@context", new System.Text.Json.Nodes.JsonArray(OpenBadgeCredentials.VcContext, OpenBadgeCredentials.ObContext));
        return Public(profile.ToJsonString(), "application/json");
    }

    /// <summary>A programme's achievement; without a programme id the seeded programme's (the address credentials issued before programmes carry).</summary>
    [HttpGet("achievement/{programmeId?}")]
    public async Task<IActionResult> Achievement(string? programmeId, [FromServices] ProgrammeAchievement achievement, CancellationToken ct) =>
        await achievement.FindAsync(programmeId, ct) is { } json ? Public(json.ToJsonString(), "application/json") : NotFound();

    private ContentResult Public(string json, string contentType)
    {
        Response.Headers.CacheControl = "public, max-age=3600";
        Response.Headers.AccessControlAllowOrigin = "*";
        return Content(json, contentType + "; charset=utf-8");
    }
}
