namespace CertPlatform.Web.Infrastructure;

/// <summary>
/// A request the client gave up on (a tab closed while the exam page reported a focus event, a download cancelled)
/// ends with the cancellation of <see cref="HttpContext.RequestAborted"/>. That is not a server error: it is logged at
/// debug level and answered 499 (nobody reads it) instead of travelling to the exception handler as a 500.
/// </summary>
public sealed class ClientAbortedRequests(RequestDelegate next, ILogger<ClientAbortedRequests> log)
{
    public const int StatusClientClosedRequest = 499;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            log.LogDebug("Client closed the request {Method} {Path}", context.Request.Method, context.Request.Path);
            if (!context.Response.HasStarted) context.Response.StatusCode = StatusClientClosedRequest;
        }
    }
}
