using System.Security.Claims;
using CertPlatform.Web.Content;
using CertPlatform.Web.Features.Lessons;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace CertPlatform.Web.Features.Home;

[AllowAnonymous]
public sealed class HomeController(ContentCatalog catalog, LessonProgressStore progress) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
            return View(new HomePageModel(false, null, [], catalog.Ordered.Count));
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var learned = await progress.LearnedAsync(userId, ct);
        return View(new HomePageModel(true, await progress.ResumeAsync(userId, ct), progress.PerPart(learned), catalog.Ordered.Count));
    }

    /// <summary>Switches the UI language (a plain link, so it works without JavaScript).</summary>
    [HttpGet("/language/{culture}")]
    public IActionResult Language(string culture, string? returnUrl)
    {
        var chosen = culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "zh-CN";
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }

    // Any method: status-code pages re-execute the original request (e.g. a POST rejected with 400).
    [Route("/error/{status:int?}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Error(int? status)
    {
        var code = status switch { null => 500, >= 400 and <= 599 => status.Value, _ => 404 }; // /error/1 is not a status
        Response.StatusCode = code;
        return View(code);
    }

    [HttpGet("/favicon.ico")]
    public IActionResult Favicon() => LocalRedirect("/favicon.svg");
}
