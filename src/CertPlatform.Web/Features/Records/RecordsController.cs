using System.Security.Claims;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Certificates;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Records;

/// <summary>
/// HR's certificate records: search (/records), exports of the filtered set (CSV, XLSX, ZIP of PDFs), background
/// ZIP jobs, revocation and a person's history. The query lives in the URL, so exports take the same parameters.
/// </summary>
[Authorize(Roles = Roles.HR + "," + Roles.Admin)]
[Route("records")]
public sealed class RecordsController(IStringLocalizer<SharedResource> L) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(RecordFilter filter, [FromServices] SearchRecords search, CancellationToken ct) =>
        View(await search.RunAsync(filter.Normalized(), !ModelState.IsValid, ct));

    [HttpGet("export.csv")]
    public Task<IActionResult> Csv(RecordFilter filter, [FromServices] ExportRecords export, CancellationToken ct) =>
        ExportAsync(filter, RecordsExportFormat.Csv, export, ct);

    [HttpGet("export.xlsx")]
    public Task<IActionResult> Xlsx(RecordFilter filter, [FromServices] ExportRecords export, CancellationToken ct) =>
        ExportAsync(filter, RecordsExportFormat.Xlsx, export, ct);

    private async Task<IActionResult> ExportAsync(RecordFilter filter, RecordsExportFormat format, ExportRecords export, CancellationToken ct)
    {
        var file = await export.RunAsync(filter.Normalized(), format, User, ct);
        Response.Headers.CacheControl = "no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>POST (it may start a background job): the filter comes in the form's action URL, like the page's.</summary>
    [HttpPost("export.zip")]
    public async Task<IActionResult> Zip(RecordFilter filter, [FromServices] ExportCertificateZip export, CancellationToken ct)
    {
        filter = filter.Normalized();
        var plan = await export.PrepareAsync(filter, User, ct);
        switch (plan.Outcome)
        {
            case ExportCertificateZipOutcome.Direct:
                Response.ContentType = CertificateZip.ContentType;
                Response.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("attachment") { FileName = plan.FileName, FileNameStar = plan.FileName }.ToString();
                Response.Headers.CacheControl = "no-store";
                await export.StreamAsync(plan, Response.Body, ct);
                return new EmptyResult();
            case ExportCertificateZipOutcome.Background:
                return RedirectToAction(nameof(ZipJob), new { id = plan.Job!.Id });
            case ExportCertificateZipOutcome.Busy:
                TempData["Flash"] = L["您已有一个压缩包正在生成，请等它完成后再导出。"].Value;
                return RedirectToAction(nameof(ZipJob), new { id = plan.Job!.Id });
            default:
                TempData["Flash"] = L["没有符合条件的证书，未生成压缩包。"].Value;
                return Redirect("/records" + filter.Query());
        }
    }

    [HttpGet("zip-jobs/{id}")]
    public IActionResult ZipJob(string id, [FromServices] ZipExportJobs jobs)
    {
        var job = jobs.Find(id, CurrentUserId);
        if (job is null) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return View(job);
    }

    [HttpGet("zip-jobs/{id}/download")]
    public IActionResult ZipDownload(string id, [FromServices] ZipExportJobs jobs)
    {
        if (jobs.TakeDownload(id, CurrentUserId) is not { } taken) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return File(taken.File, CertificateZip.ContentType, taken.Job.FileName);
    }

    [HttpPost("{id}/revoke")]
    public async Task<IActionResult> Revoke(string id, string? reason, string? returnUrl, [FromServices] RevokeCertificate revoke,
        [FromServices] CertificateQueries certificates, CancellationToken ct)
    {
        var outcome = await revoke.RunAsync(id, reason, User, ct);
        if (outcome == RevokeCertificateOutcome.NotFound) return NotFound();
        var number = await certificates.NumberAsync(id, ct) ?? id;
        TempData["Flash"] = (outcome switch
        {
            RevokeCertificateOutcome.Revoked => L["证书 {0} 已撤销，核验页面将显示“已撤销”。", number],
            RevokeCertificateOutcome.AlreadyRevoked => L["证书 {0} 早已撤销，未作改动。", number],
            _ => L["未撤销证书 {0}：请填写撤销原因（不超过 500 字）。", number],
        }).Value;
        return Redirect(returnUrl is not null && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith("/records", StringComparison.Ordinal) ? returnUrl : "/records");
    }

    [HttpGet("trainee/{userId}")]
    public async Task<IActionResult> Trainee(string userId, [FromServices] TraineeHistory history, CancellationToken ct)
    {
        var model = await history.LoadAsync(userId, ct);
        return model is null ? NotFound() : View(model);
    }

    private string CurrentUserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
}
