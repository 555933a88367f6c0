using System.Security.Claims;
using System.Text.Json;
using CertPlatform.Web.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Exams;

public sealed record StartRequest(string? Password);
public sealed record AnswerRequest(JsonElement Response, long Seq);
public sealed record FlagRequest(bool Flagged);
public sealed record EventRequest(string Kind, string? Detail);

/// <summary>The exam HTTP contract (../shared/design/EXAM-API.md) for the exam page, the load driver and checks.</summary>
[ApiController]
[Authorize]
[Route("api")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ExamApiController(TimeProvider clock) : ControllerBase
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("antiforgery")]
    public IActionResult Antiforgery([FromServices] IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(HttpContext);
        return Ok(new { token = tokens.RequestToken, headerName = tokens.HeaderName });
    }

    [HttpPost("papers/{paperId}/attempts")]
    public async Task<IActionResult> Start(string paperId, [FromBody] StartRequest? body, [FromServices] UserManager<AppUser> users,
        [FromServices] StartAttempt start, [FromServices] AttemptViews views, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Unauthorized();
        var result = await start.RunAsync(paperId, user, body?.Password, ct);
        if (result.Attempt is null) return Problem(result.Error, statusCode: result.Status);
        var view = (await views.ForOwnerAsync(result.Attempt.Id, user.Id, ct))!;
        return Created($"/api/attempts/{view.Attempt.Id}", new
        {
            attemptId = view.Attempt.Id, paperId, resumed = result.Resumed, status = view.Attempt.Status,
            deadlineUtc = view.Attempt.Deadline, serverNowUtc = clock.GetUtcNow(),
            questions = view.Questions, answers = view.Answers, flags = view.Flags,
        });
    }

    [HttpGet("attempts/{attemptId}")]
    public async Task<IActionResult> State(string attemptId, [FromServices] AttemptViews views, CancellationToken ct)
    {
        var view = await views.ForOwnerAsync(attemptId, UserId, ct);
        if (view is null) return NotFound();
        var a = view.Attempt;
        return Ok(new
        {
            attemptId = a.Id, paperId = a.PaperId, status = a.Status, deadlineUtc = a.Deadline, serverNowUtc = clock.GetUtcNow(),
            answers = view.Answers, flags = view.Flags, focusLossCount = a.FocusLossCount, focusLossLimit = view.Paper.FocusLossLimit,
            result = a.Status == AttemptStatus.Finished ? ResultBody(a, view.Paper, null) : null,
        });
    }

    [HttpPut("attempts/{attemptId}/answers/{questionRef:int}")]
    public async Task<IActionResult> Answer(string attemptId, int questionRef, [FromBody] AnswerRequest body, [FromServices] SaveAnswer save, CancellationToken ct)
    {
        var r = await save.RunAsync(attemptId, UserId, questionRef, body.Response, body.Seq, ct);
        return r.Status switch
        {
            SaveAnswer.Status.Saved => Ok(new { seq = r.Seq, savedAtUtc = r.SavedAt }),
            SaveAnswer.Status.Stale => Conflict(new { title = r.Error, storedSeq = r.Seq }),
            SaveAnswer.Status.Gone => Problem(r.Error, statusCode: StatusCodes.Status410Gone),
            SaveAnswer.Status.Invalid => Problem(r.Error, statusCode: StatusCodes.Status400BadRequest),
            _ => NotFound(),
        };
    }

    [HttpPut("attempts/{attemptId}/flags/{questionRef:int}")]
    public async Task<IActionResult> Flag(string attemptId, int questionRef, [FromBody] FlagRequest body, [FromServices] AttemptIntegrity integrity, CancellationToken ct) =>
        await integrity.FlagAsync(attemptId, UserId, questionRef, body.Flagged, ct) switch
        {
            null => NotFound(),
            var flags => Ok(new { flags }),
        };

    [HttpPost("attempts/{attemptId}/events")]
    public async Task<IActionResult> Event(string attemptId, [FromBody] EventRequest body, [FromServices] AttemptIntegrity integrity, CancellationToken ct)
    {
        if (!AttemptIntegrity.Kinds.Contains(body.Kind)) return Problem("unknown event kind", statusCode: 400);
        var r = await integrity.RecordAsync(attemptId, UserId, body.Kind, body.Detail ?? "", ct);
        return r is null ? NotFound() : Ok(new { focusLossCount = r.Value.Count, focusLossLimit = r.Value.Limit, warn = r.Value.Limit is { } l && r.Value.Count >= l });
    }

    [HttpPost("attempts/{attemptId}/submit")]
    public async Task<IActionResult> Submit(string attemptId, [FromServices] AppDbContext db, [FromServices] FinishAttempt finish, CancellationToken ct)
    {
        if (!await db.Attempts.AnyAsync(a => a.Id == attemptId && a.UserId == UserId, ct)) return NotFound();
        var outcome = await finish.RunAsync(attemptId, FinishReason.Submitted, clock.GetUtcNow(), ct);
        var paper = await db.Papers.AsNoTracking().FirstAsync(p => p.Id == outcome!.Attempt.PaperId, ct);
        return Ok(ResultBody(outcome!.Attempt, paper, outcome.CertificateId));
    }

    /// <summary>The result as the paper's review options allow: score and verdict only if the paper shows them.</summary>
    private static object ResultBody(Attempt a, Paper p, string? certificateId) => new
    {
        attemptId = a.Id, status = a.Status, grading = a.Grading, finishedAtUtc = a.FinishedAt, finishReason = a.FinishReason,
        score = p.ReviewShowsScore ? a.Score : null, maxScore = p.ReviewShowsScore ? a.MaxScore : (decimal?)null,
        passed = p.ReviewShowsScore ? a.Passed : null, certificateId,
    };
}
