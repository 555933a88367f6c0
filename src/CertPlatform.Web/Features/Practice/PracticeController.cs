using System.Security.Claims;
using CertPlatform.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Practice;

/// <summary>
/// Practice with immediate feedback, one question per page (plain forms, no JavaScript needed).
/// The set travels in a sealed token (<see cref="PracticeTokens"/>): ?s= for the question to answer,
/// ?f= for the feedback on the answer just given. Someone else's or an altered token is a 404.
/// </summary>
[Authorize]
[Route("practice")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class PracticeController(PracticeQueries queries, PracticeTokens tokens, IStringLocalizer<SharedResource> L) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await queries.OverviewAsync(UserId, ct));

    [HttpPost("start")]
    public async Task<IActionResult> Start(StartPracticeForm form, [FromServices] IValidator<StartPracticeForm> validator, [FromServices] StartPractice start, CancellationToken ct)
    {
        if (!(await validator.ValidateAsync(form, ct)).IsValid) return BadRequest();
        var result = await start.RunAsync(form, UserId, ct);
        switch (result.Outcome)
        {
            case StartPracticeOutcome.NotFound:
                return NotFound();
            case StartPracticeOutcome.Empty:
                TempData["Flash"] = form.Mistakes is null ? L["这里暂时没有可练习的题目。"].Value : L["错题本里没有可以练习的题目。"].Value;
                return LocalRedirect(form.Mistakes is null ? "/practice" : "/mistakes");
            default:
                return LocalRedirect("/practice/question?s=" + Uri.EscapeDataString(result.Token!));
        }
    }

    [HttpGet("question")]
    public async Task<IActionResult> Question(string? s, CancellationToken ct)
    {
        var state = tokens.ReadSet(s, UserId);
        if (state is null) return NotFound();
        if (state.Finished) return LocalRedirect("/practice/done?s=" + Uri.EscapeDataString(s!));
        var page = await queries.QuestionAsync(s!, state, null, ct);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("answer")]
    public async Task<IActionResult> Answer(PracticeAnswerForm form, [FromServices] IValidator<PracticeAnswerForm> validator, [FromServices] AnswerPractice answer, CancellationToken ct)
    {
        // Binding errors only come from an altered form (every field is a choice the page offered).
        if (!ModelState.IsValid) return BadRequest();
        var state = tokens.ReadSet(form.S, UserId);
        if (state is null) return NotFound();
        if (!(await validator.ValidateAsync(form, ct)).AddTo(ModelState)) return await Redisplay(form, state, ct);

        var result = await answer.RunAsync(form, UserId, ct);
        switch (result.Outcome)
        {
            case AnswerPracticeOutcome.NotFound:
                return NotFound();
            case AnswerPracticeOutcome.AlreadyUsed:
                return Conflict(); // each question page is answered once; /error/409 explains
            case AnswerPracticeOutcome.Finished:
                return LocalRedirect("/practice/done?s=" + Uri.EscapeDataString(form.S));
            case AnswerPracticeOutcome.Invalid:
                foreach (var problem in result.Problems ?? [])
                    ModelState.AddModelError("", problem switch
                    {
                        AnswerProblem.OrderIncomplete => L["排序题请为每一项选择一个不同的顺序号。"],
                        _ => L["请先作答。不会的话，可以点“不会，看答案”。"],
                    });
                return await Redisplay(form, state, ct);
            default:
                return LocalRedirect("/practice/feedback?f=" + Uri.EscapeDataString(result.FeedbackToken!));
        }
    }

    [HttpGet("feedback")]
    public async Task<IActionResult> Feedback(string? f, CancellationToken ct)
    {
        var feedback = tokens.ReadFeedback(f, UserId);
        if (feedback is null) return NotFound();
        var page = await queries.FeedbackAsync(feedback, UserId, ct);
        return page is null ? NotFound() : View(page);
    }

    [HttpGet("done")]
    public IActionResult Done(string? s)
    {
        var state = tokens.ReadSet(s, UserId);
        return state is null ? NotFound() : View(queries.Done(state));
    }

    private async Task<IActionResult> Redisplay(PracticeAnswerForm form, PracticeState state, CancellationToken ct)
    {
        if (state.Finished) return LocalRedirect("/practice/done?s=" + Uri.EscapeDataString(form.S));
        var page = await queries.QuestionAsync(form.S, state, form.Answer, ct);
        if (page is null) return NotFound();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Question), page);
    }
}
