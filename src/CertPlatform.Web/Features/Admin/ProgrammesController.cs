using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Admin;

/// <summary>Certification programmes: list, create, edit (administrators).</summary>
[Authorize(Roles = Roles.Admin)]
[Route("admin/programmes")]
public sealed class ProgrammesController(ProgrammeQueries programmes, IStringLocalizer<SharedResource> L) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await programmes.ListAsync(ct));

    [HttpGet("new")]
    public IActionResult New() => View("Edit", new ProgrammeForm { IsNew = true });

    [HttpGet("{id}/edit")]
    public async Task<IActionResult> Edit(string id, CancellationToken ct) =>
        await programmes.EditFormAsync(id, ct) is { } form ? View(form) : NotFound();

    [HttpPost("save")]
    public async Task<IActionResult> Save(ProgrammeForm form, [FromServices] SaveProgramme save, CancellationToken ct)
    {
        form.Id ??= "";
        form.Name ??= "";
        form.Title ??= "";
        form.Level ??= "";
        form.Template ??= "";
        form.Description ??= "";
        form.Criteria ??= "";
        ModelState.Clear();
        var errors = await save.RunAsync(form, User, ct);
        if (errors is null) return NotFound();
        if (errors.Count == 0)
        {
            TempData["Flash"] = L["已保存认证项目 {0}", form.Name.Trim()].Value;
            return Redirect("/admin/programmes");
        }
        errors.AddTo(ModelState);
        var view = View("Edit", form);
        view.StatusCode = StatusCodes.Status400BadRequest;
        return view;
    }
}
