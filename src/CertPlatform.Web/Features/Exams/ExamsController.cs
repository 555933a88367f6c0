using System.Security.Claims;
using CertPlatform.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Exams;

/// <summary>Trainee exam pages: my exams, a paper's start page, the exam page (works without JavaScript) and submitting.</summary>
[Authorize]
[Route("exams")]
public sealed class ExamsController(UserManager<AppUser> users, ExamPages pages, IStringLocalizer<SharedResource> L) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        return View(await pages.MyPapersAsync(user, ct));
    }

    [HttpGet("{paperId}")]
    public async Task<IActionResult> Paper(string paperId, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var paper = await pages.PaperAsync(user, paperId, ct);
        return paper is null ? NotFound() : View(paper);
    }

    [HttpPost("{paperId}/start")]
    public async Task<IActionResult> Start(string paperId, string? password, [FromServices] StartAttempt start, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await start.RunAsync(paperId, user, password, ct);
        if (result.Attempt is null)
        {
            if (result.Outcome == StartAttemptOutcome.NotFound) return NotFound();
            TempData["Error"] = ExamMessages.Start(result, L);
            return RedirectToAction(nameof(Paper), new { paperId });
        }
        return RedirectToAction(nameof(Sit), new { attemptId = result.Attempt.Id });
    }

    [HttpGet("attempt/{attemptId}")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Sit(string attemptId, CancellationToken ct)
    {
        var (outcome, page) = await pages.SitAsync(attemptId, UserId, TempData["Saved"] as string, ct);
        return outcome switch
        {
            ExamPageOutcome.Show => View(page),
            ExamPageOutcome.Finished => RedirectToAction(nameof(Result), new { attemptId }),
            _ => NotFound(),
        };
    }

    /// <summary>The form post (no JavaScript needed): saves every changed answer; <see cref="ExamFormIntent.Submit"/> then finishes the attempt.</summary>
    [HttpPost("attempt/{attemptId}")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Save(string attemptId, string? intent, [FromServices] SaveAnswer save, [FromServices] SubmitAttempt submit, CancellationToken ct)
    {
        var (outcome, page) = await pages.SitAsync(attemptId, UserId, null, ct);
        if (outcome == ExamPageOutcome.NotFound) return NotFound();
        if (outcome == ExamPageOutcome.Show)
        {
            var responses = page!.View.Questions.ToDictionary(q => q.Ref, q => ExamForm.Parse(Request.Form, ExamForm.Prefix(q.Ref), q));
            var saved = await save.SaveFormAsync(attemptId, UserId, responses, ct);
            if (!ExamFormIntent.IsSubmit(intent))
            {
                if (saved is null) return RedirectToAction(nameof(Result), new { attemptId });
                TempData["Saved"] = FormMessage(saved);
                return RedirectToAction(nameof(Sit), null, new { attemptId }, Request.Form["focus"].ToString() is { Length: > 0 } f ? f : null);
            }
            await submit.RunAsync(attemptId, UserId, ct);
        }
        return RedirectToAction(nameof(Result), new { attemptId });
    }

    private string FormMessage(IReadOnlyList<SaveAnswerResult> saved)
    {
        if (saved.Count == 0) return L["答案没有变化。"];
        var message = L["已保存 {0} 道题的答案。", saved.Count(r => r.Outcome == SaveAnswerOutcome.Saved)].Value;
        var kept = saved.Count(r => r.Outcome == SaveAnswerOutcome.Stale);
        return kept == 0 ? message : message + " " + L["{0} 道题在另一台设备或窗口上已有更新的答案，已保留那些答案。", kept];
    }

    [HttpGet("attempt/{attemptId}/result")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Result(string attemptId, CancellationToken ct)
    {
        var (outcome, result) = await pages.ResultAsync(attemptId, UserId, ct);
        return outcome switch
        {
            ExamPageOutcome.Finished => View(result),
            ExamPageOutcome.Show => RedirectToAction(nameof(Sit), new { attemptId }),
            _ => NotFound(),
        };
    }
}
