using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;

namespace CertPlatform.Web.Features.Practice;

/// <summary>The dashboard card (Home/Index): open mistakes and the weakest lessons.</summary>
public sealed class PracticeCardViewComponent(MistakeQueries queries) : ViewComponent
{
    public const int WeakShown = 3;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId) return Content("");
        var model = await queries.CardAsync(userId, WeakShown, HttpContext.RequestAborted);
        return View("~/Features/Practice/Components/PracticeCard.cshtml", model);
    }
}
