using CertPlatform.Web.Infrastructure;

namespace CertPlatform.Web.Features.Notifications;

/// <summary>
/// The scanner's and dispatcher's loop: work, then Task.Delay on the injected clock (a clock that jumps ahead yields one
/// run, not one per missed period, as in Exams' OverdueAttempts); a failed run is logged and retried next period.
/// </summary>
public static class PeriodicLoop
{
    public static async Task RunAsync(Func<CancellationToken, Task> work, TimeSpan period, TimeProvider clock, ILogger log, string what, CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try { await work(stoppingToken); }
                catch (Exception e) when (e is not OperationCanceledException) { BackgroundFailure.Log(log, e, what); }
                await Task.Delay(period, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) { }
    }
}
