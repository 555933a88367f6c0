using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Features.Analytics;
using CertPlatform.Web.Features.QuestionBank;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Papers;

/// <summary>Papers for examiners: blueprint sections and whether the bank can fill them now.</summary>
[Authorize(Roles = Roles.Examiner + "," + Roles.Admin)]
[Route("papers")]
public sealed class PapersController(PaperQueries papers, QuestionVersionCache questions, ItemQuality quality,
    IStringLocalizer<SharedResource> L) : Controller
{
    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct) =>
        View("Edit", await EditModelAsync(new PaperForm { IsNew = true }.WithBlankRows(), ct));

    [HttpGet("{id}/edit")]
    public async Task<IActionResult> Edit(string id, CancellationToken ct)
    {
        if (await papers.EditFormAsync(id, ct) is not { } form) return NotFound();
        return View("Edit", await EditModelAsync(form, ct));
    }

    /// <summary>"check" shows whether the bank can fill the blueprint as typed; "save" saves.</summary>
    [HttpPost("save")]
    public async Task<IActionResult> Save(PaperForm form, string? intent, IFormFile? traineeFile, [FromServices] SavePaper save, CancellationToken ct)
    {
        if (traineeFile is { Length: > 0 })
        {
            if (traineeFile.Length > 1024 * 1024) ModelState.AddModelError(nameof(PaperForm.Trainees), L["名单文件不能超过 1 MB"]);
            else
            {
                using var reader = new StreamReader(traineeFile.OpenReadStream(), detectEncodingFromByteOrderMarks: true);
                var firstColumn = (await reader.ReadToEndAsync(ct)).Split('\n').Select(l => l.Split(',', '\t')[0].Trim().Trim('"')).Where(l => l.Length > 0);
                form.Trainees = string.Join('\n', PaperForm.Lines(form.Trainees).Concat(firstColumn).Distinct());
            }
        }
        if (intent == "save" && ModelState.ErrorCount == 0)
        {
            ModelState.Clear();
            var result = await save.RunAsync(form, User, ct);
            if (result.Saved)
            {
                TempData["Flash"] = L["已保存试卷 {0}", form.Title].Value;
                return Redirect($"/papers#paper-{form.Id.Trim()}");
            }
            result.Errors.AddTo(ModelState);
        }
        else if (intent != "save") ModelState.Clear();
        return View("Edit", await EditModelAsync(form.WithBlankRows(), ct));
    }

    private async Task<PaperEditModel> EditModelAsync(PaperForm form, CancellationToken ct)
    {
        var pool = await quality.EnrichAsync((await questions.PoolAsync(ct)).In(DrawPools.ForPaper(form.Kind == PaperKind.Certification)), ct);
        var policy = quality.PolicyFor(new Paper { Id = "", Title = "", Kind = "", Status = "", DrawExcludeFlagged = form.DrawExcludeFlagged, DrawUseObservedFacility = form.DrawUseObservedFacility });
        return new PaperEditModel(form, form.Mode == PaperMode.Blueprint ? Blueprint.Feasibility(form.Blueprint(), pool, policy: policy) : [],
            pool.SelectMany(c => c.Tags).Distinct().Order().ToList(), await papers.ProgrammesAsync(ct));
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var all = await papers.ListAsync(ct);
        var ready = await questions.PoolAsync(ct);
        var pools = new Dictionary<bool, IReadOnlyList<DrawCandidate>>
        {
            [true] = await quality.EnrichAsync(ready.In(DrawPools.ForPaper(true)), ct),
            [false] = await quality.EnrichAsync(ready.In(DrawPools.ForPaper(false)), ct),
        };
        return View(all.Select(p => new PaperSummary(p, Blueprint.Feasibility(PaperAccess.Sections(p), pools[p.Kind == PaperKind.Certification], policy: quality.PolicyFor(p)))).ToList());
    }

}
