using System.Security.Claims;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using CertPlatform.Web.Features.QuestionBank;
using CertPlatform.Web.Features.Papers;
using CertPlatform.Web.Domain.Exams;

namespace CertPlatform.Web.Features.Exams;

public sealed record MyPaper(Paper Paper, PaperWindow Window, int Questions, decimal Points, IReadOnlyList<Attempt> Attempts)
{
    public Attempt? InProgress => Attempts.FirstOrDefault(a => a.Status == AttemptStatus.InProgress);
    public int AttemptsLeft => Paper.AttemptsAllowed == 0 ? int.MaxValue : Math.Max(0, Paper.AttemptsAllowed - Attempts.Count);
}

public sealed record ExamPageModel(AttemptView View, DateTimeOffset ServerNow, string? Message);

/// <summary>Trainee exam pages: my exams, a paper's start page, the exam page (works without JavaScript) and submitting.</summary>
[Authorize]
[Route("exams")]
public sealed class ExamsController(AppDbContext db, UserManager<AppUser> users, TimeProvider clock) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var papers = await PaperAccess.VisibleTo(db, user).AsNoTracking().OrderBy(p => p.Kind).ThenBy(p => p.Id).ToListAsync(ct);
        var attempts = (await db.Attempts.AsNoTracking().Where(a => a.UserId == user.Id).OrderBy(a => a.StartedAt).ToListAsync(ct))
            .GroupBy(a => a.PaperId).ToDictionary(g => g.Key, g => (IReadOnlyList<Attempt>)g.ToList());
        var now = clock.GetUtcNow();
        return View(papers.Select(p => Summary(p, now, attempts.GetValueOrDefault(p.Id) ?? [])).ToList());
    }

    private static MyPaper Summary(Paper p, DateTimeOffset now, IReadOnlyList<Attempt> attempts)
    {
        var sections = PaperAccess.Sections(p);
        var fixedList = PaperAccess.FixedQuestions(p);
        return new MyPaper(p, PaperAccess.Window(p, now),
            p.BlueprintJson is null ? fixedList.Count : sections.Sum(s => s.Count),
            p.BlueprintJson is null ? fixedList.Sum(f => f.Points) : sections.Sum(s => s.Count * s.PointsEach), attempts);
    }

    [HttpGet("{paperId}")]
    public async Task<IActionResult> Paper(string paperId, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var paper = await PaperAccess.VisibleTo(db, user).AsNoTracking().FirstOrDefaultAsync(p => p.Id == paperId, ct);
        if (paper is null) return NotFound();
        var attempts = await db.Attempts.AsNoTracking().Where(a => a.UserId == user.Id && a.PaperId == paperId).OrderBy(a => a.StartedAt).ToListAsync(ct);
        return View(Summary(paper, clock.GetUtcNow(), attempts));
    }

    [HttpPost("{paperId}/start")]
    public async Task<IActionResult> Start(string paperId, string? password, [FromServices] StartAttempt start, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await start.RunAsync(paperId, user, password, ct);
        if (result.Attempt is null)
        {
            if (result.Status == 404) return NotFound();
            TempData["Error"] = result.Error;
            return RedirectToAction(nameof(Paper), new { paperId });
        }
        return RedirectToAction(nameof(Sit), new { attemptId = result.Attempt.Id });
    }

    [HttpGet("attempt/{attemptId}")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Sit(string attemptId, [FromServices] AttemptViews views, CancellationToken ct)
    {
        var view = await views.ForOwnerAsync(attemptId, UserId, ct);
        if (view is null) return NotFound();
        if (view.Attempt.Status != AttemptStatus.InProgress) return RedirectToAction(nameof(Result), new { attemptId });
        if (view.Attempt.Deadline + TimeSpan.FromSeconds(1) < clock.GetUtcNow())
        {
            // Time ran out while the trainee was away: finish at the deadline and show the result.
            await HttpContext.RequestServices.GetRequiredService<FinishAttempt>().RunAsync(attemptId, FinishReason.Deadline, clock.GetUtcNow(), ct);
            return RedirectToAction(nameof(Result), new { attemptId });
        }
        return View(new ExamPageModel(view, clock.GetUtcNow(), TempData["Saved"] as string));
    }

    /// <summary>The form post (no JavaScript needed): saves every changed answer; "submit" then finishes the attempt.</summary>
    [HttpPost("attempt/{attemptId}")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Save(string attemptId, string? intent, [FromServices] AttemptViews views, [FromServices] SaveAnswer save,
        [FromServices] FinishAttempt finish, CancellationToken ct)
    {
        var view = await views.ForOwnerAsync(attemptId, UserId, ct);
        if (view is null) return NotFound();
        if (view.Attempt.Status == AttemptStatus.InProgress)
        {
            var responses = view.Questions.ToDictionary(q => q.Ref, q => ExamForm.Parse(Request.Form, ExamForm.Prefix(q.Ref), q));
            var saved = await save.SaveFormAsync(attemptId, UserId, responses, ct);
            if (intent != "submit")
            {
                if (saved is null) return RedirectToAction(nameof(Result), new { attemptId });
                TempData["Saved"] = saved.Count == 0 ? "答案没有变化。" : $"已保存 {saved.Count(r => r.Status == SaveAnswer.Status.Saved)} 道题的答案。";
                return RedirectToAction(nameof(Sit), null, new { attemptId }, Request.Form["focus"].ToString() is { Length: > 0 } f ? f : null);
            }
            await finish.RunAsync(attemptId, FinishReason.Submitted, clock.GetUtcNow(), ct);
        }
        return RedirectToAction(nameof(Result), new { attemptId });
    }

    [HttpGet("attempt/{attemptId}/result")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Result(string attemptId, [FromServices] QuestionVersionCache questions, CancellationToken ct)
    {
        var attempt = await db.Attempts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attemptId && a.UserId == UserId, ct);
        if (attempt is null) return NotFound();
        if (attempt.Status == AttemptStatus.InProgress) return RedirectToAction(nameof(Sit), new { attemptId });
        var paper = await db.Papers.AsNoTracking().FirstAsync(p => p.Id == attempt.PaperId, ct);
        var items = await db.AttemptItems.AsNoTracking().Where(i => i.AttemptId == attemptId).OrderBy(i => i.QuestionRef).ToListAsync(ct);
        var answers = await db.AttemptAnswers.AsNoTracking().Where(a => a.AttemptId == attemptId).ToDictionaryAsync(a => a.QuestionRef, a => a.ResponseJson, ct);
        var layout = AttemptLayout.Parse(attempt.LayoutJson).ToDictionary(l => l.Ref);
        var loaded = await questions.GetAsync(items.Select(i => (i.QuestionId, i.Version)), db, ct);
        var rows = items.Select(i => new ResultRow(i, loaded[(i.QuestionId, i.Version)], layout[i.QuestionRef],
            answers.TryGetValue(i.QuestionRef, out var json) ? ResponseJson.Deserialize(json) : null)).ToList();
        return View(new ResultModel(attempt, paper, rows));
    }
}

public sealed record ResultRow(AttemptItem Item, Question Question, Domain.Exams.LaidOutQuestion Layout, Response? Response)
{
    public QuestionView View => QuestionView.Of(Question, Layout);
}

public sealed record ResultModel(Attempt Attempt, Paper Paper, IReadOnlyList<ResultRow> Rows)
{
    public IReadOnlyList<string> SectionTitles => PaperAccess.SectionTitles(Paper);
}
