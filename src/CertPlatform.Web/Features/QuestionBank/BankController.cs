using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.QuestionBank;

public sealed record QuestionEditorModel(QuestionForm Form, IReadOnlyDictionary<string, string[]> Errors, IReadOnlyList<Lesson> Lessons, bool IsNew);

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

    [HttpGet("new")]
    public IActionResult New(Domain.Questions.QuestionType? type, string? lesson)
    {
        if (type is null) return View("ChooseType");
        var form = new QuestionForm { Type = type.Value, LessonId = lesson ?? "", Points = type == Domain.Questions.QuestionType.Essay ? 10 : 1 }.WithSpareRows();
        return EditorView(form, isNew: true, []);
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(QuestionForm form, [FromServices] SaveQuestion save, CancellationToken ct)
    {
        var result = await save.RunAsync(form, isNew: true, User, ct);
        if (!result.Saved) return EditorView(form.WithSpareRows(), isNew: true, result.Errors);
        TempData["Flash"] = L["试题已创建（v{0}）。", result.Version].Value;
        return Redirect($"/bank/{Uri.EscapeDataString(form.Id.Trim())}");
    }

    [HttpGet("{id}/edit")]
    public async Task<IActionResult> Edit(string id, CancellationToken ct)
    {
        var model = await queries.DetailAsync(id, null, ct);
        if (model is null) return NotFound();
        return EditorView(QuestionForm.From(model.Question, model.Record.CurrentVersion), isNew: false, []);
    }

    [HttpPost("{id}/edit")]
    public async Task<IActionResult> Update(string id, QuestionForm form, [FromServices] SaveQuestion save, CancellationToken ct)
    {
        form.Id = id;
        var result = await save.RunAsync(form, isNew: false, User, ct);
        if (!result.Saved) return EditorView(form.WithSpareRows(), isNew: false, result.Errors);
        TempData["Flash"] = L["已保存为新版本 v{0}。", result.Version].Value;
        return Redirect($"/bank/{Uri.EscapeDataString(id)}");
    }

    private ViewResult EditorView(QuestionForm form, bool isNew, Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Edit", new QuestionEditorModel(form, errors, catalog.Ordered, isNew));
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
