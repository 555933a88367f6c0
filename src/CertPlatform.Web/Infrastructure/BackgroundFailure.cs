namespace CertPlatform.Web.Infrastructure;

/// <summary>
/// How a background loop logs a failed round that it retries on the next one: an overloaded database
/// (<see cref="DatabaseOverload"/>) is a warning of one line (the reason and the message, no stack) — the
/// loop did nothing wrong and the next round retries; anything else is an error with its stack.
/// </summary>
public static class BackgroundFailure
{
    public static void Log(ILogger log, Exception e, string what)
    {
        if (DatabaseOverload.Reason(e) is { } reason)
            log.LogWarning("{What} failed: database overloaded ({Reason}); will retry ({Error})", what, reason, e.GetBaseException().Message);
        else log.LogError(e, "{What} failed; will retry", what);
    }
}
