using System.Security.Claims;
using System.Text.Json;
using CertPlatform.Web.Features.Exams.Contract;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Exams;

/// <summary>
/// The exam API's hot calls — autosave (<c>PUT /api/attempts/{id}/answers/{ref}</c>) and flags — as lean
/// endpoints outside MVC: no filters, model binding or content negotiation, source-generated JSON
/// (<see cref="ExamJson"/>), and no DbContext for a save (<see cref="SaveAnswer"/>). The security is the
/// controller's: the cookie sign-in with its server-side session check (authentication middleware),
/// <see cref="RequireAuthorization"/>, the page's antiforgery token (<see cref="ApiAntiforgery"/>) and the
/// owner check in the use case. The contract (docs/api.md, the OpenAPI document) is unchanged; the rest of
/// the API stays in <see cref="ExamApiController"/>. Use cases return outcomes; only this class maps them to HTTP.
/// </summary>
public static class ExamApiEndpoints
{
    public static IEndpointRouteBuilder MapExamApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("ExamApi");
        api.MapPut("/attempts/{attemptId}/answers/{questionRef:int}", SaveAsync)
            .WithMetadata(new JsonBodyMetadata(typeof(SaveAnswerRequest)))
            .Produces<AnswerSaved>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Produces<AnswerConflict>(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithName("Answer");
        api.MapPut("/attempts/{attemptId}/flags/{questionRef:int}", FlagAsync)
            .WithMetadata(new JsonBodyMetadata(typeof(FlagRequest)))
            .Produces<FlagsChanged>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithName("Flag");
        return app;
    }

    private static async Task<IResult> SaveAsync(HttpContext http, string attemptId, int questionRef, SaveAnswer save, ApiAntiforgery antiforgery,
        IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        NoStore(http);
        var (body, refused) = await ReadAsync(http, antiforgery, ExamJson.Default.SaveAnswerRequest, L, ct);
        if (body is null) return refused!;
        var r = await save.RunAsync(attemptId, UserId(http), questionRef, body, ct);
        return r.Outcome switch
        {
            SaveAnswerOutcome.Saved => TypedResults.Json(new AnswerSaved(r.Seq, r.SavedAt), ExamJson.Default.AnswerSaved),
            SaveAnswerOutcome.Stale => TypedResults.Json(new AnswerConflict(ExamMessages.Save(r, L), StatusCodes.Status409Conflict, r.Seq,
                JsonDocument.Parse(r.StoredResponseJson ?? "{}").RootElement.Clone()), ExamJson.Default.AnswerConflict, statusCode: StatusCodes.Status409Conflict),
            SaveAnswerOutcome.Finished or SaveAnswerOutcome.TimeUp => Fail(ExamMessages.Save(r, L), StatusCodes.Status410Gone),
            SaveAnswerOutcome.BadSeq or SaveAnswerOutcome.BadResponse or SaveAnswerOutcome.TooLong => Fail(ExamMessages.Save(r, L), StatusCodes.Status400BadRequest),
            SaveAnswerOutcome.NoSuchQuestion => Fail(ExamMessages.Save(r, L), StatusCodes.Status404NotFound),
            _ => Fail(ExamMessages.NotYours(L), StatusCodes.Status404NotFound),
        };
    }

    private static async Task<IResult> FlagAsync(HttpContext http, string attemptId, int questionRef, AttemptIntegrity integrity, ApiAntiforgery antiforgery,
        IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        NoStore(http);
        var (body, refused) = await ReadAsync(http, antiforgery, ExamJson.Default.FlagRequest, L, ct);
        if (body is null) return refused!;
        var r = await integrity.FlagAsync(attemptId, UserId(http), questionRef, body.Flagged, ct);
        return r.Outcome switch
        {
            FlagOutcome.Changed => TypedResults.Json(new FlagsChanged(r.Flags), ExamJson.Default.FlagsChanged),
            FlagOutcome.NoSuchQuestion => Fail(ExamMessages.NoSuchFlagQuestion(L), StatusCodes.Status404NotFound),
            _ => Fail(ExamMessages.NotYours(L), StatusCodes.Status404NotFound),
        };
    }

    /// <summary>
    /// What MVC's filters and binder did, in their order: the antiforgery token (400), a JSON body
    /// (415 for another content type, 400 naming the line and position for JSON that does not parse or
    /// an empty body). Returns the body, or the refusal.
    /// </summary>
    private static async Task<(T? Body, IResult? Refused)> ReadAsync<T>(HttpContext http, ApiAntiforgery antiforgery,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, IStringLocalizer L, CancellationToken ct) where T : class
    {
        if (!await antiforgery.IsValidAsync(http))
            return (null, Fail(L["缺少或无效的防伪令牌（RequestVerificationToken 请求头）：请刷新页面后重试。"], StatusCodes.Status400BadRequest));
        if (!http.Request.HasJsonContentType())
            return (null, Fail(L["请求正文必须是 JSON（Content-Type: application/json）。"], StatusCodes.Status415UnsupportedMediaType));
        try
        {
            var body = await DeserializeBodyAsync(http.Request.BodyReader, type, ct);
            return body is null ? (null, Fail(L["请求正文不能为空。"], StatusCodes.Status400BadRequest)) : (body, null);
        }
        catch (JsonException e)
        {
            return (null, Fail(L["请求正文不是有效的 JSON（第 {0} 行，第 {1} 个字节，{2}）。",
                (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1, e.Path ?? "$"], StatusCodes.Status400BadRequest));
        }
    }

    /// <summary>
    /// The whole body (a save is a few hundred bytes), parsed in one synchronous pass from Kestrel's buffer: no
    /// stream wrapper, no asynchronous resumable parse. Kestrel's body limit still applies (reading past it throws
    /// <see cref="BadHttpRequestException"/>, answered 413 by <c>RequestLimits</c>); the whole input must be one JSON
    /// value, as with the stream deserializer (trailing text is a <see cref="JsonException"/> with line and position).
    /// </summary>
    private static async ValueTask<T?> DeserializeBodyAsync<T>(System.IO.Pipelines.PipeReader reader,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken ct)
    {
        while (true)
        {
            var read = await reader.ReadAsync(ct);
            if (read.IsCompleted || read.IsCanceled)
            {
                try
                {
                    return read.Buffer.IsSingleSegment
                        ? JsonSerializer.Deserialize(read.Buffer.FirstSpan, type)
                        : JsonSerializer.Deserialize(System.Buffers.BuffersExtensions.ToArray(read.Buffer), type);
                }
                finally
                {
                    reader.AdvanceTo(read.Buffer.End);
                }
            }
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End); // nothing consumed: wait for the rest
        }
    }

    private static string UserId(HttpContext http) => http.User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>As the controller's <c>[ResponseCache(NoStore = true, Location = None)]</c>: answers are never cached.</summary>
    private static void NoStore(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store,no-cache";
        http.Response.Headers.Pragma = "no-cache";
    }

    /// <summary>A problem (RFC 9457) whose title is the message in the UI language.</summary>
    private static IResult Fail(string message, int statusCode) => TypedResults.Problem(title: message, statusCode: statusCode);
}
