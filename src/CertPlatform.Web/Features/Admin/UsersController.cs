using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Admin;

/// <summary>User accounts (administrators): list, create, edit, activate, deactivate, reset a password.</summary>
[Authorize(Roles = Roles.Admin)]
[Route("admin/users")]
public sealed class UsersController(IStringLocalizer<SharedResource> L) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] UserQueries queries, string? q, string? role, string? status, int page = 1, CancellationToken ct = default) =>
        View(await queries.ListAsync(q, role, status, page, ct));

    [HttpGet("create")]
    public IActionResult Create() => View("Edit", new UserForm { Roles = [Roles.Trainee] });

    [HttpPost("create")]
    public async Task<IActionResult> Create(UserForm form, [FromServices] SaveUser save, CancellationToken ct)
    {
        var result = await save.CreateAsync(form, User, ct);
        if (result.Outcome != SaveUserOutcome.Saved) return Invalid(form, result);
        return ShowPasswords(L["账号已创建"], [result.Password!]);
    }

    [HttpGet("{id}/edit")]
    public async Task<IActionResult> Edit(string id, [FromServices] UserQueries queries) =>
        await queries.EditFormAsync(id) is { } form ? View(form) : NotFound();

    [HttpPost("{id}/edit")]
    public async Task<IActionResult> Edit(string id, UserForm form, [FromServices] SaveUser save, CancellationToken ct)
    {
        var result = await save.UpdateAsync(id, form, User, ct);
        switch (result.Outcome)
        {
            case SaveUserOutcome.NotFound:
                return NotFound();
            case SaveUserOutcome.Invalid:
                return Invalid(form, result);
            default:
                TempData["Flash"] = L["已保存。"].Value;
                return RedirectToAction(nameof(Index));
        }
    }

    [HttpPost("{id}/deactivate")]
    public Task<IActionResult> Deactivate(string id, [FromServices] SetUserActive setActive) => SetActive(id, false, setActive);

    [HttpPost("{id}/activate")]
    public Task<IActionResult> Activate(string id, [FromServices] SetUserActive setActive) => SetActive(id, true, setActive);

    [HttpPost("{id}/reset-password")]
    public async Task<IActionResult> ResetPassword(string id, [FromServices] ResetUserPassword reset)
    {
        var result = await reset.RunAsync(id, User);
        return result.Outcome switch
        {
            ResetUserPasswordOutcome.NotFound => NotFound(),
            ResetUserPasswordOutcome.Failed => Problem(result.Problem),
            _ => ShowPasswords(L["密码已重置"], [result.Password!]),
        };
    }

    private async Task<IActionResult> SetActive(string id, bool active, SetUserActive setActive)
    {
        var result = await setActive.RunAsync(id, active, User);
        if (result.Outcome == SetUserActiveOutcome.NotFound) return NotFound();
        TempData["Flash"] = (result.Outcome switch
        {
            SetUserActiveOutcome.OwnAccount => L["不能停用自己的账号。"],
            SetUserActiveOutcome.Activated => L["已启用 {0}。", result.FullName],
            _ => L["已停用 {0}。", result.FullName],
        }).Value;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>The form again with its errors next to their fields (and Identity's above the form).</summary>
    private ViewResult Invalid(UserForm form, SaveUserResult result)
    {
        result.Errors.AddTo(ModelState);
        return View("Edit", form);
    }

    private ViewResult ShowPasswords(string title, IReadOnlyList<InitialPassword> passwords)
    {
        Response.Headers.CacheControl = "no-store";
        return View("InitialPasswords", new InitialPasswordsModel(title, passwords));
    }
}
