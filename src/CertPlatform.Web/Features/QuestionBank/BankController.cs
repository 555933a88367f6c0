using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using CertPlatform.Web.Infrastructure.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

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
        if (UnreadableWeights() is { Length: > 0 } unreadable) return EditorView(form.WithSpareRows(), isNew: true, new() { [QuestionFormValidator.OptionExtrasKey] = unreadable });
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
        if (UnreadableWeights() is { Length: > 0 } unreadable) return EditorView(form.WithSpareRows(), isNew: false, new() { [QuestionFormValidator.OptionExtrasKey] = unreadable });
        var result = await save.RunAsync(form, isNew: false, User, ct);
        if (!result.Saved) return EditorView(form.WithSpareRows(), isNew: false, result.Errors);
        TempData["Flash"] = L["已保存为新版本 v{0}。", result.Version].Value;
        return Redirect($"/bank/{Uri.EscapeDataString(id)}");
    }

    /// <summary>Option weights that did not bind as numbers (the number input sends none; a hand-made request might): named, not dropped.</summary>
    private string[] UnreadableWeights() => ModelState
        .Where(e => e.Value?.Errors.Count > 0 && e.Key.StartsWith("Options[", StringComparison.Ordinal) && e.Key.EndsWith("].Weight", StringComparison.Ordinal))
        .Select(e => int.TryParse(e.Key["Options[".Length..^"].Weight".Length], out var n) && n is >= 0 and < 26 ? ((char)('A' + n)).ToString() : e.Key)
        .Select(letter => L["选项 {0} 的分值不是数字", letter].Value).ToArray();

    private ViewResult EditorView(QuestionForm form, bool isNew, Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Edit", new QuestionEditorModel(form, errors, catalog.Ordered, isNew));
    }

    [HttpGet("import")]
    public IActionResult Import() => View(new ImportPageModel(null, catalog.Ordered));

    /// <summary>Largest request accepted on upload endpoints: twice the file limit, so a file a little over the limit gets the size message.</summary>
    internal const long UploadRequestLimit = Formats.ImportLimits.MaxBytes * 2;

    [HttpPost("import")]
    [RequestSizeLimit(UploadRequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadRequestLimit)]
    public async Task<IActionResult> Upload(IFormFile? file, BankFormat? format, string? lesson, [FromServices] QuestionImport import,
        [FromServices] QuestionImportJobs jobs, [FromServices] IOptions<QuestionImportOptions> options, CancellationToken ct)
    {
        if (file is null)
            return ImportFormError("file", L["请选择要导入的文件"], StatusCodes.Status400BadRequest);
        if (file.Length == 0)
            return ImportFormError("file", L["文件“{0}”是空的（0 字节），请检查后重新选择", file.FileName], StatusCodes.Status400BadRequest);
        if (file.Length > Formats.ImportLimits.MaxBytes)
            return ImportFormError("file", Formats.ImportLimits.TooLarge(file.Length).Localize(L), StatusCodes.Status413PayloadTooLarge);
        var chosen = format ?? QuestionImport.Detect(file.FileName);
        if (chosen is null)
            return ImportFormError("format", L["无法从文件名判断格式，请选择文件格式"], StatusCodes.Status400BadRequest);
        if (file.Length > options.Value.BackgroundAboveBytes)
        {
            // A large file: read and checked in the background while the status page shows "question N of M".
            using var copy = new MemoryStream((int)file.Length);
            await file.CopyToAsync(copy, ct);
            var jobId = await jobs.StartAsync(copy.ToArray(), file.FileName, chosen.Value, lesson, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", ct);
            return Redirect($"/bank/import/{jobId}");
        }
        await using var stream = file.OpenReadStream();
        var preview = await import.PreviewAsync(stream, file.FileName, chosen.Value, lesson, User, ct);
        if (preview.Errors.Count > 0) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Import", new ImportPageModel(preview, catalog.Ordered));
    }

    private ViewResult ImportFormError(string field, string message, int status)
    {
        ModelState.AddModelError(field, message);
        Response.StatusCode = status;
        return View("Import", new ImportPageModel(null, catalog.Ordered));
    }

    /// <summary>A preview: still being read in the background (status page, refreshes itself) or done. Only its owner sees it; others get 404.</summary>
    [HttpGet("import/{importId:guid}")]
    public async Task<IActionResult> ImportPreview(Guid importId, [FromServices] QuestionImport import, CancellationToken ct)
    {
        var job = await import.FindAsync(importId, User, ct);
        if (job is null) return NotFound();
        return job.Preview is { } preview ? View("Import", new ImportPageModel(preview, catalog.Ordered)) : View("ImportJob", job);
    }

    /// <summary>An image carried by the file of a pending preview, for that preview's page: its owner only (others: 404).</summary>
    [HttpGet("import/{importId:guid}/images/{sha:regex(^[[0-9a-f]]{{64}}$)}")]
    public async Task<IActionResult> ImportImage(Guid importId, string sha, [FromServices] QuestionImport import, CancellationToken ct)
    {
        var image = await import.FindPreviewImageAsync(importId, sha, User, ct);
        return image is null ? NotFound() : ImageResponses.Serve(Response, image.Bytes, image.ContentType, "private, no-store");
    }

    /// <summary>
    /// <paramref name="existing"/> is the import-wide choice; <paramref name="choice"/> maps a question id to its own
    /// (empty: the import-wide one). A whole-bank re-import posts one choice per question, hence the raised value count.
    /// </summary>
    [HttpPost("import/{importId:guid}/commit")]
    [RequestFormLimits(ValueCountLimit = 100_000)]
    public async Task<IActionResult> CommitImport(Guid importId, ExistingQuestions? existing, [FromForm(Name = "choice")] Dictionary<string, string?>? choice,
        [FromServices] QuestionImport import, CancellationToken ct)
    {
        var result = await import.CommitAsync(importId, existing ?? ExistingQuestions.Update, choice ?? [], User, ct);
        if (result is null)
        {
            TempData["Flash"] = L["导入预览已失效（超过 1 小时或已提交），请重新上传文件。"].Value;
            return Redirect("/bank/import");
        }
        if (result.InvalidChoice is { } invalid)
        {
            // Tampered with (the page offers only valid choices): name the row, change nothing, show the preview again.
            ModelState.AddModelError("choice", invalid.Localize(L));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            var job = await import.FindAsync(importId, User, ct);
            return View("Import", new ImportPageModel(job?.Preview, catalog.Ordered));
        }
        TempData["Flash"] = result.Problems.Count > 0
            ? string.Join(" ", result.Problems.Select(p => p.Localize(L)))
            : L["导入完成：新建 {0} 道，更新 {1} 道（保存为新版本），跳过或未改动 {2} 道，错误 0 个。", result.Created.Count, result.Updated.Count, result.Skipped.Count].Value;
        return Redirect(result.Problems.Count > 0 ? "/bank/import" : "/bank");
    }

    [HttpGet("export")]
    public async Task<IActionResult> Export([FromQuery] BankFilter filter, BankFormat format, bool confirmed, [FromServices] QuestionExport export, CancellationToken ct)
    {
        var file = await export.RunAsync(filter, format, ct);
        if ((file.Skipped.Count > 0 || file.ImagesLeftOut.Count > 0) && !confirmed)
        {
            // Name what the format cannot hold before the download, not in a header nobody reads.
            var query = Request.QueryString.Add("confirmed", "true").Value ?? "";
            return View("ExportSkipped", new ExportSkippedModel(format, file.Written, file.Skipped, "/bank/export" + query) { ImagesLeftOut = file.ImagesLeftOut });
        }
        if (file.Skipped.Count > 0) Response.Headers["X-Skipped-Questions"] = file.Skipped.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return File(file.Content, file.ContentType, file.FileName);
    }

    [HttpPost("bulk")]
    public async Task<IActionResult> Bulk([FromForm] List<string> ids, [FromForm] BulkQuestionAction action, [FromForm] string? tag,
        [FromServices] BulkUpdateQuestions bulk, [FromForm] string? returnUrl, CancellationToken ct)
    {
        var changed = await bulk.RunAsync(ids, action, tag, User, ct);
        TempData["Flash"] = L.Plural(changed, "已更新 {0} 道试题（每道试题保存为新版本）。", changed).Value;
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/bank");
    }
}
