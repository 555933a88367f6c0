using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Exams;

/// <summary>
/// Antiforgery validation for the exam API's lean endpoints (autosave, flags), which run outside MVC's
/// filters. The first request with a given antiforgery cookie, request header and signed-in user is
/// validated by <see cref="IAntiforgery"/> in full (two Data Protection decryptions and the user check);
/// a pass is remembered for <see cref="Lifetime"/> under exactly those three values, so the page's
/// next saves with the same token pair cost a dictionary lookup. Validation is a pure function of these
/// inputs (the token pair and the user id the token is bound to), so a remembered pass is the answer the
/// full check would give again; only a Data Protection key revoked meanwhile would be noticed up to
/// <see cref="Lifetime"/> later. Failures are never remembered.
/// </summary>
public sealed class ApiAntiforgery(IAntiforgery antiforgery, IOptions<AntiforgeryOptions> options, IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public async Task<bool> IsValidAsync(HttpContext http)
    {
        var o = options.Value;
        var cookie = http.Request.Cookies[o.Cookie.Name!];
        var header = o.HeaderName is { } name ? http.Request.Headers[name].ToString() : "";
        if (string.IsNullOrEmpty(cookie) || string.IsNullOrEmpty(header)) return false;
        var key = new Passed(cookie, header, http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "");
        if (cache.TryGetValue(key, out _)) return true;
        if (!await antiforgery.IsRequestValidAsync(http)) return false;
        cache.Set(key, true, Lifetime);
        return true;
    }

    /// <summary>The cache key of a validated token pair for a user (a record: compared by value).</summary>
    private sealed record Passed(string Cookie, string Header, string UserId);
}
