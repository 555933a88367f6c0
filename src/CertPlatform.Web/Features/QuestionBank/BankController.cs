using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>Examiner pages of the question bank. Keys and explanations are shown here only.</summary>
[Authorize(Roles = Roles.Examiner + "," + Roles.Admin)]
[Route("bank")]
public sealed class BankController(BankQueries queries, ContentCatalog catalog, IStringLocalizer<SharedResource> L) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] BankFilter filter, CancellationToken ct)
    {
        ViewData["Catalog"] = catalog;
        return View(await queries.ListAsync(filter, ct));
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Show(string id, int? version, CancellationToken ct)
    {
        var model = await queries.DetailAsync(id, version, ct);
        if (model is null) return NotFound();
        ViewData["Lesson"] = catalog.Find(model.Question.LessonId);
        return View(model);
    }

    [HttpGet("{id}/diff")]
    public async Task<IActionResult> Diff(string id, int from, int to, CancellationToken ct)
    {
        var model = await queries.DiffAsync(id, from, to, ct);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("bulk")]
    public async Task<IActionResult> Bulk([FromForm] List<string> ids, [FromForm] BulkUpdateQuestions.Action action, [FromForm] string? tag,
        [FromServices] BulkUpdateQuestions bulk, [FromForm] string? returnUrl, CancellationToken ct)
    {
        var changed = await bulk.RunAsync(ids, action, tag, User, ct);
        TempData["Flash"] = L["已更新 {0} 道试题（每道试题保存为新版本）。", changed].Value;
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/bank");
    }
}
