using CertPlatform.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>The cohort's mastery per curriculum part and lesson, for examiners and HR, with its export.</summary>
[Authorize(Roles = Roles.Examiner + "," + Roles.Admin + "," + Roles.HR)]
[Route("analytics/cohort")]
public sealed class CohortController(IStringLocalizer<SharedResource> L) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Cohort(DateOnly? from, DateOnly? to, string? organization, [FromServices] CohortMastery cohort, CancellationToken ct)
    {
        if (!ModelState.IsValid) return BadFilter();
        return View("Index", await cohort.RunAsync(new CohortFilter(from, to, organization), ct));
    }

    [HttpGet("export")]
    public async Task<IActionResult> CohortExport(DateOnly? from, DateOnly? to, string? organization, ExportFormat format, [FromServices] CohortMastery cohort, CancellationToken ct)
    {
        if (!ModelState.IsValid) return BadFilter();
        var model = await cohort.RunAsync(new CohortFilter(from, to, organization), ct);
        var rows = CohortMastery.Rows(model).ToList();
        return File(ExportFiles.Bytes(rows, format, "mastery"), ExportFiles.ContentType(format), "mastery" + ExportFiles.Extension(format));
    }

    private BadRequestObjectResult BadFilter() => BadRequest(StatisticsText.BadQuery(L, ModelState));
}
