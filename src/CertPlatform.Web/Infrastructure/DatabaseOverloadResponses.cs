using System.Globalization;
using System.Net;
using CertPlatform.Web.Infrastructure.Telemetry;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Infrastructure;

/// <summary>
/// A request that failed because the database is overloaded (<see cref="DatabaseOverload"/>: the connection pool
/// exhausted, a timed-out command, SQLite busy) or cannot be reached (PostgreSQL down: <see cref="DatabaseOverload.Unreachable"/>) is not a bug in the request: it is answered
/// <b>503 Service Unavailable with a <c>Retry-After</c></b> (seconds) instead of travelling to the exception handler as a
/// 500. JSON clients (the exam API, autosave and submit included) get problem+json whose title says so in the UI
/// language; pages get the status-code page (<c>/error/503</c>: "server busy, try again in a moment"), or — when rendering
/// that page needs the database too (the signed-in user's session check) — the same words on a plain page. One warning line
/// without a stack names the reason (<c>Database overloaded ({Reason})</c>), and
/// <see cref="CertPlatformMetrics.DatabaseOverloaded"/> counts it. The only place that maps the
/// rule to HTTP. Runs inside the request logging and after request localization, before everything that reaches the
/// database (authentication's session check, the endpoints); in every environment (Development too).
/// </summary>
public sealed class DatabaseOverloadResponses(RequestDelegate next, CertPlatformMetrics metrics, ILogger<DatabaseOverloadResponses> log)
{
    /// <summary>The shortest Retry-After; each answer adds 0–<see cref="RetryAfterSpread"/> seconds so that clients told to wait do not all return at once.</summary>
    public const int RetryAfterSeconds = 2;
    public const int RetryAfterSpread = 3;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (DatabaseOverload.Reason(e) is { } reason && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var retryAfter = RetryAfterSeconds + Random.Shared.Next(RetryAfterSpread + 1);
            metrics.DatabaseOverloaded.Add(1, new KeyValuePair<string, object?>("reason", reason));
            log.LogWarning("Database overloaded ({Reason}): {Method} {Path} answered 503, retry after {RetryAfter} s ({Error})",
                reason, context.Request.Method, context.Request.Path, retryAfter, e.GetBaseException().Message);
            context.Response.Clear();
            context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            context.Response.Headers.CacheControl = "no-store";
            IStringLocalizer L() => context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            if (JsonClients.Wants(context.Request))
                await JsonClients.WriteProblemAsync(context, StatusCodes.Status503ServiceUnavailable, L()["服务器繁忙，请稍后再试。"]);
            else if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
                await WritePlainPageAsync(context, L()); // the error page itself needed the database (the sign-in's session check)
            else context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable; // the status-code page (/error/503) explains it
        }
    }

    /// <summary>
    /// The "server busy" page without the layout, for when rendering the error page hit the overloaded database too: the
    /// same words as <c>/error/503</c> in the UI language, the site's stylesheet, nothing that reads the database.
    /// </summary>
    public static async Task WritePlainPageAsync(HttpContext context, IStringLocalizer L)
    {
        static string H(string text) => WebUtility.HtmlEncode(text);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "text/html; charset=utf-8";
        var title = L["出错了"].Value;
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{H(CultureInfo.CurrentUICulture.Name)}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{H(title)}</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><main><h1>{H(title)} (503)</h1><p>{H(L["服务器繁忙，请稍后再试。您已保存的内容不会丢失。"].Value)}</p><p><a href="/">{H(L["返回首页"].Value)}</a></p></main></body>
            </html>
            """);
    }
}
