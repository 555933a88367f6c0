using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Grading;

/// <summary>Blind grading of essays and case write-ups, and regrading after a corrected question.</summary>
[Authorize(Roles = Roles.Examiner + "," + Roles.Admin)]
[Route("grading")]
public sealed class GradingController(IStringLocalizer<SharedResource> L) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] GradingQueue queue, CancellationToken ct) =>
        View(await queue.ListAsync(ct));

    /// <summary>The first item waiting, or back to the queue when there is none.</summary>
    [HttpGet("start")]
    public async Task<IActionResult> Start([FromServices] GradingQueue queue, CancellationToken ct) =>
        await queue.FirstAsync(ct) is { } token ? RedirectToItem(token) : Redirect("/grading");

    [HttpGet("item/{token}")]
    public async Task<IActionResult> Item(string token, [FromServices] GradeItem grade, CancellationToken ct)
    {
        var model = await grade.LoadAsync(token, ct);
        if (model is null) return NotFound();
        return View(new GradePageModel(model, new GradeForm
        {
            Score = model.ManualScore?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
            Comment = model.ManualComment,
        }));
    }

    [HttpPost("item/{token}")]
    public async Task<IActionResult> Score(string token, GradeForm form, [FromServices] GradeItem grade, CancellationToken ct)
    {
        var result = await grade.SaveAsync(token, form, User, ct);
        switch (result.Outcome)
        {
            case GradeItemOutcome.NotFound:
                return NotFound();
            case GradeItemOutcome.Invalid:
                result.Validation!.AddTo(ModelState);
                var model = await grade.LoadAsync(token, ct);
                if (model is null) return NotFound();
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return View("Item", new GradePageModel(model, form));
            case GradeItemOutcome.AlreadyGraded:
                TempData["Flash"] = L["这道题已由其他考官评分，未作更改。"].Value;
                break;
            default:
                TempData["Flash"] = result.Finalised ? L["已保存评分。该考试的全部题目已评完，成绩已确定。"].Value : L["已保存评分。"].Value;
                break;
        }
        return result.NextToken is { } next ? RedirectToItem(next) : Redirect("/grading");
    }

    /// <summary>Leaves this item for later and opens the next one waiting.</summary>
    [HttpGet("item/{token}/skip")]
    public async Task<IActionResult> Skip(string token, [FromServices] GradingItemKeys keys, [FromServices] GradingQueue queue, CancellationToken ct)
    {
        if (keys.Read(token) is not (var attemptId, var questionRef)) return NotFound();
        return await queue.NextAsync(attemptId, questionRef, ct) is { } next ? RedirectToItem(next) : Redirect("/grading");
    }

    [HttpGet("regrade/{questionId}")]
    public async Task<IActionResult> Regrade(string questionId, [FromServices] RegradeQuestion regrade, CancellationToken ct)
    {
        var model = await regrade.LoadAsync(questionId, ct);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("regrade/{questionId}")]
    public async Task<IActionResult> RunRegrade(string questionId, [FromServices] RegradeQuestion regrade, CancellationToken ct)
    {
        var outcome = await regrade.RunAsync(questionId, User, ct);
        if (outcome is null) return NotFound();
        TempData["Flash"] = outcome.Regraded == 0
            ? L["没有需要重新评分的考试。"].Value
            : L["已按 v{0} 重新评分 {1} 次考试：{2} 次成绩变化，{3} 次跨越及格线。", outcome.CurrentVersion, outcome.Regraded, outcome.Changed, outcome.PassCrossed].Value;
        return Redirect($"/grading/regrade/{Uri.EscapeDataString(questionId)}");
    }

    private RedirectResult RedirectToItem(string token) => Redirect($"/grading/item/{Uri.EscapeDataString(token)}");
}
