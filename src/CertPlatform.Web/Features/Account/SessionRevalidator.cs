using CertPlatform.Web.Infrastructure;

namespace CertPlatform.Web.Features.Account;

/// <summary>
/// Keeps <see cref="SessionCache"/> fresh in the background: every half <see cref="SessionCache.Lifetime"/>
/// it re-reads the sessions in use in batches, so requests of busy sessions (exam autosave at 10,000
/// trainees) do not each pay for a database lookup. A failed pass is logged and retried on the next tick;
/// meanwhile a request whose state is older than the lifetime queues its session for <see cref="SessionCache"/>'s
/// batched read (served the stale state up to <see cref="SessionCache.StaleLimit"/>, waiting for the batch past it).
/// </summary>
public sealed class SessionRevalidator(SessionCache sessions, TimeProvider clock, ILogger<SessionRevalidator> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SessionCache.Lifetime / 2, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await sessions.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // An overloaded database: one warning line without a stack; requests read their sessions until the next pass.
                BackgroundFailure.Log(log, e, "Refreshing the session cache");
            }
        }
    }
}
