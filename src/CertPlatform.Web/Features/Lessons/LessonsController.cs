using System.Security.Claims;
using CertPlatform.Web.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Lessons;

[Authorize]
[Route("lessons")]
public sealed class LessonsController(ContentCatalog catalog, LessonProgressStore progress, IStringLocalizer<SharedResource> L) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var learned = await progress.LearnedAsync(UserId, ct);
        return View(new CurriculumPageModel(catalog.Curriculum, catalog, learned, progress.PerPart(learned), await progress.ResumeAsync(UserId, ct)));
    }

    [HttpGet("resume")]
    public async Task<IActionResult> Resume(CancellationToken ct)
    {
        var lesson = await progress.ResumeAsync(UserId, ct) ?? catalog.Ordered.FirstOrDefault();
        return lesson is null ? RedirectToAction(nameof(Index)) : RedirectToAction(nameof(Show), new { id = lesson.Id });
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Show(string id, CancellationToken ct)
    {
        var model = await PageModel(id, ct);
        if (model is null) return NotFound();
        await progress.RecordViewAsync(UserId, id, ct);
        return View(model);
    }

    [HttpGet("{id}/print")]
    public async Task<IActionResult> Print(string id, CancellationToken ct)
    {
        var model = await PageModel(id, ct);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("{id}/learned")]
    public async Task<IActionResult> MarkLearned(string id, bool learned = true, CancellationToken ct = default)
    {
        if (catalog.Find(id) is null) return NotFound();
        await progress.SetLearnedAsync(UserId, id, learned, ct);
        TempData["Flash"] = learned ? L["已标记为已学习。"].Value : L["已取消“已学习”标记。"].Value;
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpGet("search")]
    public IActionResult Search(string? q)
    {
        q = (q ?? "").Trim();
        if (q.Length > 100) q = q[..100];
        var hits = q.Length == 0 ? [] : catalog.Search.Find(q);
        return View(new SearchPageModel(q, hits, q.Length == 0));
    }

    private async Task<LessonPageModel?> PageModel(string id, CancellationToken ct)
    {
        var lesson = catalog.Find(id);
        if (lesson is null) return null;
        var (prev, next) = catalog.Neighbours(id);
        var position = catalog.Ordered.ToList().IndexOf(lesson) + 1;
        return new LessonPageModel(lesson, catalog.PartOf(lesson), catalog.ChapterOf(lesson), prev, next,
            await progress.IsLearnedAsync(UserId, id, ct), position, catalog.Ordered.Count);
    }
}
