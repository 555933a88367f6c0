using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CertPlatform.Web.Features.Notifications;

/// <summary>/notifications/preferences: any signed-in user turns non-essential mail off or on.</summary>
[Authorize]
[Route("notifications/preferences")]
public sealed class NotificationPreferencesController(NotificationPreferenceStore preferences) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(bool saved = false, CancellationToken ct = default) =>
        View(new NotificationPreferencesModel(await preferences.IsOptedOutAsync(UserId, ct), saved));

    [HttpPost("")]
    public async Task<IActionResult> Save(bool optOut, CancellationToken ct)
    {
        await preferences.SaveAsync(UserId, optOut, ct);
        return Redirect("/notifications/preferences?saved=true");
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
