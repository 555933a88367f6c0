using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure.Cluster;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>
/// At start-up, writes the digest of every graded attempt that has none, or whose digest is older than its marks
/// (attempts graded before digests existed, or changed by a path that did not rewrite it). Idempotent and batched
/// (each batch in its own transaction, in attempt id order from a cursor, so a batch that fails is not retried in a
/// loop); with several instances one runs it under the cluster lock <see cref="LockName"/> and the others skip it.
/// Until it has run, the statistics page reads such attempts through the slow path, with the same figures.
/// </summary>
public sealed class AttemptDigestBackfill(IServiceScopeFactory scopes, IClusterLock cluster, ILogger<AttemptDigestBackfill> log) : BackgroundService
{
    public const string LockName = "analytics.digest-backfill";
    private const int Batch = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try { await RunOnceAsync(stoppingToken); }
        catch (OperationCanceledException) { }
        catch (Exception e) { log.LogError(e, "Backfilling attempt digests failed; statistics read those attempts the slow way"); }
    }

    /// <summary>Fills every missing or stale digest unless another instance is doing it now; returns how many this instance wrote.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var written = 0;
        await cluster.TryRunAsync(LockName, async token =>
        {
            var after = "";
            while (true)
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var cursor = after;
                var ids = await db.Attempts.AsNoTracking()
                    .Where(a => a.Status == AttemptStatus.Finished && a.GradedAt != null && string.Compare(a.Id, cursor) > 0
                        && !db.AttemptDigests.Any(d => d.AttemptId == a.Id && d.GradedAt == a.GradedAt))
                    .OrderBy(a => a.Id).Select(a => a.Id).Take(Batch).ToListAsync(token);
                if (ids.Count == 0) break;
                after = ids[^1];
                try
                {
                    await using var tx = await db.Database.BeginTransactionAsync(token);
                    await scope.ServiceProvider.GetRequiredService<AttemptDigestWriter>().WriteAsync(ids, token);
                    await tx.CommitAsync(token);
                    written += ids.Count;
                }
                catch (DbUpdateException e)
                {
                    // Another writer (a grading request) stored one of these digests first: its digest is current.
                    log.LogInformation(e, "A batch of attempt digests after {Cursor} was written concurrently; skipped", cursor);
                }
            }
            if (written > 0) log.LogInformation("Wrote {Count} attempt digests", written);
        }, ct);
        return written;
    }
}
