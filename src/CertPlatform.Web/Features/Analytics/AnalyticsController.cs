using System.Security.Claims;
using CertPlatform.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>
/// Item analysis for examiners: per paper (filters, tables, charts, exports), uploaded results
/// matrices, and the cohort's mastery per part and lesson (also for HR).
/// </summary>
[Authorize(Roles = Roles.Examiner + "," + Roles.Admin)]
[Route("analytics")]
public sealed class AnalyticsController(IStringLocalizer<SharedResource> L) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] StatisticsIndex index, CancellationToken ct) =>
        View(new AnalyticsIndexModel(await index.ListAsync(ct), []));

    [HttpGet("papers/{paperId}")]
    public async Task<IActionResult> Paper(string paperId, DateOnly? from, DateOnly? to, AttemptSelection attempts, string? sort, bool desc,
        [FromServices] PaperStatistics statistics, CancellationToken ct)
    {
        if (!ModelState.IsValid) return BadFilter();
        var filter = new StatisticsFilter(from, to, attempts);
        var model = await statistics.RunAsync(paperId, filter, ct);
        if (model is null) return NotFound();
        var baseUrl = $"/analytics/papers/{Uri.EscapeDataString(paperId)}";
        var view = new ReportView(model.Report, $"{baseUrl}/export?{filter.Query}", $"{baseUrl}?{filter.Query}",
            ReportView.SortKeys.Contains(sort) ? sort! : "slot", desc);
        return View(new AnalyticsPaperModel(model, view));
    }

    [HttpGet("papers/{paperId}/export")]
    public async Task<IActionResult> Export(string paperId, DateOnly? from, DateOnly? to, AttemptSelection attempts, StatisticsTable table, ExportFormat format,
        [FromServices] PaperStatistics statistics, CancellationToken ct)
    {
        if (!ModelState.IsValid) return BadFilter();
        var model = await statistics.RunAsync(paperId, new StatisticsFilter(from, to, attempts), ct);
        return model is null ? NotFound() : FileOf(model.Report, table, format, $"statistics-{paperId}");
    }

    [HttpPost("upload")]
    [RequestSizeLimit(MatrixFile.MaxBytes + 64 * 1024)]
    public async Task<IActionResult> Upload(IFormFile? file, [FromServices] UploadStatistics upload, [FromServices] StatisticsIndex index, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return await UploadFailed(index, [L["请选择一个 CSV 或 XLSX 成绩矩阵文件。"]], ct);
        await using var stream = file.OpenReadStream();
        var result = await upload.RunAsync(UserId, file.FileName, stream, file.Length, ct);
        return result.Outcome switch
        {
            UploadStatisticsOutcome.Analysed => View("Upload", new AnalyticsUploadModel(
                new ReportView(result.Report!, $"/analytics/upload/{result.Token}/export?", "", "slot", false), result.Token!)),
            UploadStatisticsOutcome.TooLarge => await UploadFailed(index, [L["文件不能超过 {0} MB。", MatrixFile.MaxBytes / 1024 / 1024]], ct),
            UploadStatisticsOutcome.Unreadable => await UploadFailed(index, [StatisticsText.Unreadable(L, result.Reason)], ct),
            _ => await UploadFailed(index, result.Errors!.Select(e => $"{file.FileName}: {StatisticsText.Problem(L, e)}").ToList(), ct),
        };
    }

    [HttpGet("upload/{token}/export")]
    public async Task<IActionResult> UploadExport(string token, StatisticsTable table, ExportFormat format, [FromServices] UploadedMatrices uploads, CancellationToken ct)
    {
        if (!ModelState.IsValid) return BadFilter();
        var report = await uploads.FindAsync(UserId, token, ct);
        return report is null ? NotFound() : FileOf(report, table, format, "statistics-upload");
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private async Task<IActionResult> UploadFailed(StatisticsIndex index, IReadOnlyList<string> errors, CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", new AnalyticsIndexModel(await index.ListAsync(ct), errors));
    }

    /// <summary>A filter the user typed wrongly (a date that is not a date, an unknown table): 400 naming the field.</summary>
    private BadRequestObjectResult BadFilter() => BadRequest(StatisticsText.BadQuery(L, ModelState));

    private FileContentResult FileOf(StatisticsReport report, StatisticsTable table, ExportFormat format, string name)
    {
        var rows = StatisticsTables.Rows(report, table).ToList();
        var file = $"{name}-{table.ToString().ToLowerInvariant()}";
        return File(ExportFiles.Bytes(rows, format, table.ToString().ToLowerInvariant()), ExportFiles.ContentType(format), file + ExportFiles.Extension(format));
    }
}
