using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Admin;

/// <summary>HR and administrators confirm self-registered accounts (每次确认都记入审计日志).</summary>
[Authorize(Roles = Roles.HR + "," + Roles.Admin)]
[Route("admin/verification")]
public sealed class VerificationController(IStringLocalizer<SharedResource> L) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] UnverifiedAccounts accounts, CancellationToken ct) =>
        View(await accounts.PageAsync(ct));

    [HttpPost("{id}/verify")]
    public async Task<IActionResult> Verify(string id, [FromServices] VerifyAccount verify, CancellationToken ct)
    {
        switch (await verify.RunAsync(id, User, ct))
        {
            case VerifyAccountOutcome.NotFound:
                return NotFound();
            case VerifyAccountOutcome.AlreadyVerified:
                TempData["Flash"] = L["该账号已经确认过了。"].Value;
                break;
            default:
                TempData["Flash"] = L["已确认账号。"].Value;
                break;
        }
        return RedirectToAction(nameof(Index));
    }
}
