using System.Security.Claims;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Exams.Contract;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Exams;

/// <summary>
/// The exam HTTP API (docs/api.md; OpenAPI at /openapi/v1.json) for the exam page, the load driver and
/// checks. Use cases return outcomes; only this controller turns them into statuses. Autosave and flags, the
/// calls made most, are lean endpoints outside MVC (<see cref="ExamApiEndpoints"/>).
/// </summary>
[ApiController]
[Authorize]
[Route("api")]
[Produces("application/json")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ExamApiController(TimeProvider clock, IStringLocalizer<SharedResource> L) : ControllerBase
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("antiforgery")]
    [ProducesResponseType<AntiforgeryToken>(StatusCodes.Status200OK)]
    public ActionResult<AntiforgeryToken> Antiforgery([FromServices] IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(HttpContext);
        return new AntiforgeryToken(tokens.RequestToken!, tokens.HeaderName!);
    }

    [HttpPost("papers/{paperId}/attempts")]
    [ProducesResponseType<AttemptStarted>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Start(string paperId, [FromBody] StartAttemptRequest? body, [FromServices] UserManager<AppUser> users,
        [FromServices] StartAttempt start, [FromServices] AttemptLoader loader, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Unauthorized();
        var result = await start.RunAsync(paperId, user, body?.Password, ct);
        if (result.Attempt is null)
            return Fail(ExamMessages.Start(result, L), result.Outcome switch
            {
                StartAttemptOutcome.NotFound => StatusCodes.Status404NotFound,
                StartAttemptOutcome.WrongPassword => StatusCodes.Status403Forbidden,
                StartAttemptOutcome.PasswordLocked => StatusCodes.Status429TooManyRequests,
                _ => StatusCodes.Status409Conflict,
            });
        var view = AttemptView.Of((await loader.ForOwnerAsync(result.Attempt.Id, user.Id, withItems: false, ct))!);
        var a = view.Attempt;
        return Created($"/api/attempts/{a.Id}", new AttemptStarted(a.Id, paperId, result.Outcome == StartAttemptOutcome.Resumed, a.Status,
            a.Deadline, clock.GetUtcNow(), view.Questions, view.Answers, view.Flags));
    }

    [HttpGet("attempts/{attemptId}")]
    [ProducesResponseType<AttemptState>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> State(string attemptId, [FromServices] AttemptLoader loader, CancellationToken ct)
    {
        var loaded = await loader.ForOwnerAsync(attemptId, UserId, withItems: false, ct);
        if (loaded is null) return NotYours();
        var view = AttemptView.Of(loaded);
        var a = view.Attempt;
        return Ok(new AttemptState(a.Id, a.PaperId, a.Status, a.Deadline, clock.GetUtcNow(), view.Answers, view.Flags, a.FocusLossCount,
            view.Paper.FocusLossLimit, a.Status == AttemptStatus.Finished ? ResultBody(a, view.Paper, null) : null));
    }

    [HttpPost("attempts/{attemptId}/events")]
    [ProducesResponseType<EventRecorded>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Event(string attemptId, [FromBody] EventRequest body, [FromServices] AttemptIntegrity integrity, CancellationToken ct)
    {
        if (!AttemptEventKind.All.Contains(body.Kind)) return Fail(ExamMessages.UnknownEvent(body.Kind, L), StatusCodes.Status400BadRequest);
        var r = await integrity.RecordAsync(attemptId, UserId, body.Kind, body.Detail ?? "", ct);
        return r is null ? NotYours() : Ok(new EventRecorded(r.Value.Count, r.Value.Limit, r.Value.Limit is { } l && r.Value.Count >= l));
    }

    [HttpPost("attempts/{attemptId}/submit")]
    [ProducesResponseType<AttemptResult>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Submit(string attemptId, [FromServices] SubmitAttempt submit, CancellationToken ct)
    {
        var done = await submit.RunAsync(attemptId, UserId, ct);
        return done is null ? NotYours() : Ok(ResultBody(done.Attempt, done.Paper, done.CertificateId));
    }

    /// <summary>A problem (RFC 9457) whose title is the message in the UI language.</summary>
    private ObjectResult Fail(string message, int statusCode) => Problem(title: message, statusCode: statusCode);

    /// <summary>No such attempt (or paper) for this user: the same answer whether it exists or not.</summary>
    private ObjectResult NotYours() => Fail(ExamMessages.NotYours(L), StatusCodes.Status404NotFound);

    /// <summary>The result as the paper's review options allow: score and verdict only if the paper shows them.</summary>
    private static AttemptResult ResultBody(Attempt a, Paper p, string? certificateId) => new(
        a.Id, a.Status, a.Grading, a.FinishedAt, a.FinishReason,
        p.ReviewShowsScore ? a.Score : null, p.ReviewShowsScore ? a.MaxScore : null, p.ReviewShowsScore ? a.Passed : null, certificateId);
}
