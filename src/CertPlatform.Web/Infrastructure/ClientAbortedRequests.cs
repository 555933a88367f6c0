namespace CertPlatform.Web.Infrastructure;

/// <summary>
/// A request the client gave up on (a tab closed while the exam page reported a focus event, a download cancelled)
/// ends with the cancellation of <see cref="HttpContext.RequestAborted"/> (or an I/O error writing to the closed
/// connection). That is not a server error: it is logged at debug level and answered 499 (nobody reads it) instead of
/// travelling to the exception handler as a 500. It runs inside Serilog's request logging, so the request's summary
/// line says 499 at information level (a proxy that gave up on a slow submit is not an error of this server).
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
        catch (Exception e) when (e is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested)
        {
            log.LogDebug("Client closed the request {Method} {Path}", context.Request.Method, context.Request.Path);
            if (!context.Response.HasStarted) context.Response.StatusCode = StatusClientClosedRequest;
        }
    }
}
