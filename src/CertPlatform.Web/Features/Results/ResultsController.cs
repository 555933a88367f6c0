using CertPlatform.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CertPlatform.Web.Features.Results;

/// <summary>Results for examiners and HR (read-only): every paper, one paper's attempts, one attempt in detail, exports.</summary>
[Authorize(Roles = Roles.Examiner + "," + Roles.Admin + "," + Roles.HR)]
[Route("results")]
public sealed class ResultsController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ResultsOverview overview, CancellationToken ct) =>
        View(await overview.ListAsync(ct));

    [HttpGet("attempt/{attemptId}")]
    public async Task<IActionResult> Attempt(string attemptId, [FromServices] AttemptDetail detail, CancellationToken ct)
    {
        var model = await detail.LoadAsync(attemptId, ct);
        return model is null ? NotFound() : View(model);
    }

    [HttpGet("{paperId}")]
    public async Task<IActionResult> Paper(string paperId, [FromServices] PaperResults results, int page = 1, CancellationToken ct = default)
    {
        var model = await results.PageAsync(paperId, page, ct);
        return model is null ? NotFound() : View(model);
    }

    [HttpGet("{paperId}/export")]
    public async Task<IActionResult> Export(string paperId, ResultsExportFormat format, [FromServices] PaperResults results, CancellationToken ct)
    {
        var file = await results.ExportAsync(paperId, format, ct);
        return file is { } f ? File(f.Content, f.ContentType, f.FileName) : NotFound();
    }
}
