using CertPlatform.Web.Data;

namespace CertPlatform.Web.Infrastructure.Telemetry;

/// <summary>
/// certplatform.attempts.in_progress: counted in the database, so every instance reports the cluster's
/// figure; cached for a few seconds so several scrapers cost one query.
/// </summary>
public sealed class AttemptsInProgressGauge(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private readonly Lock _gate = new();
    private (DateTimeOffset At, long Value)? _last;

    public long Read()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_last is { } last && now - last.At < CacheFor) return last.Value;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var value = db.Attempts.LongCount(a => a.Status == AttemptStatus.InProgress);
            _last = (now, value);
            return value;
        }
    }
}
