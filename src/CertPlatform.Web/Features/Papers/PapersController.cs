using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Papers;

/// <summary>Papers for examiners: blueprint sections and whether the bank can fill them now.</summary>
[Authorize(Roles = Roles.Examiner + "," + Roles.Admin)]
[Route("papers")]
public sealed class PapersController(PaperEditQueries papers, IStringLocalizer<SharedResource> L) : Controller
{
    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct) => View("Edit", await papers.NewAsync(ct));

    [HttpGet("{id}/edit")]
    public async Task<IActionResult> Edit(string id, CancellationToken ct) =>
        await papers.EditAsync(id, ct) is { } model ? View("Edit", model) : NotFound();

    /// <summary><see cref="PaperFormIntent.Check"/> shows whether the bank can fill the blueprint as typed; <see cref="PaperFormIntent.Save"/> saves.</summary>
    [HttpPost("save")]
    public async Task<IActionResult> Save(PaperForm form, string? intent, IFormFile? traineeFile, [FromServices] SavePaper save, CancellationToken ct)
    {
        if (traineeFile is { Length: > 0 })
        {
            if (traineeFile.Length > 1024 * 1024) ModelState.AddModelError(nameof(PaperForm.Trainees), L["名单文件不能超过 1 MB"]);
            else
            {
                using var reader = new StreamReader(traineeFile.OpenReadStream(), detectEncodingFromByteOrderMarks: true);
                form.AddTraineeList(await reader.ReadToEndAsync(ct));
            }
        }
        if (PaperFormIntent.IsSave(intent) && ModelState.ErrorCount == 0)
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
        else if (!PaperFormIntent.IsSave(intent)) ModelState.Clear();
        return View("Edit", await papers.RedisplayAsync(form, ct));
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await papers.SummariesAsync(ct));
}
