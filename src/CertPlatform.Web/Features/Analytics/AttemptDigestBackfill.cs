using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;
using CertPlatform.Web.Domain.Statistics;
using CertPlatform.Web.Infrastructure.Cluster;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>
/// Writes the digest of every graded attempt that has none, or whose digest is older than its marks (attempts graded
/// before digests existed, or whose digest write failed just after the grading commit, or changed by a path that did not
/// rewrite it): at start-up, then every <see cref="AnalyticsOptions.DigestCatchUpSeconds"/>. Idempotent and batched
/// (each batch in its own transaction, in attempt id order from a cursor, so a batch that fails is not retried in a
/// loop). Several instances: each round runs under the cluster lock <see cref="LockName"/> (one instance does the
/// round, the others skip it), like the overdue finisher and the missing-certificate safety net; a digest written
/// meanwhile by a grading request makes the batch's insert fail, and the batch is left to that writer.
/// The periodic rounds leave attempts graded less than <see cref="Settle"/> ago to the request that is writing their
/// digest. Until an attempt's digest is written, the statistics page reads it through the slow path, with the same figures.
/// Each round also rewrites the digests the statistics found unreadable (<see cref="DamagedAttemptDigests"/>: a damaged
/// digest is current by its GradedAt, so the query above never selects it), each logged once at warning with its attempt.
/// </summary>
public sealed class AttemptDigestBackfill(IServiceScopeFactory scopes, IClusterLock cluster, TimeProvider clock, IOptions<AnalyticsOptions> options,
    DamagedAttemptDigests damaged, ILogger<AttemptDigestBackfill> log) : BackgroundService
{
    public const string LockName = "analytics.digest-backfill";
    private const int Batch = 200;

    /// <summary>How long after its grading an attempt is left to the finishing request's own digest write.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Task.Delay rather than PeriodicTimer, as the other background loops: a clock that jumps means one round.
        var period = TimeSpan.FromSeconds(options.Value.DigestCatchUpSeconds);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try { await RunOnceAsync(stoppingToken, clock.GetUtcNow() - Settle); }
                catch (Exception e) when (e is not OperationCanceledException) { BackgroundFailure.Log(log, e, "Writing missing attempt digests (statistics read those attempts the slow way meanwhile)"); }
                await Task.Delay(period, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>
    /// Fills every missing or stale digest (of attempts graded before <paramref name="gradedBefore"/>, when given) unless
    /// another instance is doing it now; returns how many this instance wrote.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken ct, DateTimeOffset? gradedBefore = null)
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
                var due = db.Attempts.AsNoTracking()
                    .Where(a => a.Status == AttemptStatus.Finished && a.GradedAt != null && string.Compare(a.Id, cursor) > 0
                        && !db.AttemptDigests.Any(d => d.AttemptId == a.Id && d.GradedAt == a.GradedAt));
                if (gradedBefore is { } before) due = due.Where(a => a.GradedAt < before);
                var ids = await due.OrderBy(a => a.Id).Select(a => a.Id).Take(Batch).ToListAsync(token);
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
            written += await RepairAsync(token);
        }, ct);
        return written;
    }

    /// <summary>
    /// Rewrites, from the attempts' items, the reported digests that still cannot be read (one a grading request rewrote
    /// meanwhile, or that is gone, is only forgotten: a missing digest is the round's). Returns how many it rewrote.
    /// </summary>
    private async Task<int> RepairAsync(CancellationToken ct)
    {
        var repaired = 0;
        foreach (var batch in damaged.Waiting().Chunk(Batch))
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var ids = batch.Select(b => b.Key).ToList();
            var bodies = await db.AttemptDigests.AsNoTracking().Where(d => ids.Contains(d.AttemptId)).Select(d => new { d.AttemptId, d.Body }).ToListAsync(ct);
            var still = bodies.Where(d => !AttemptDigestReader.IsReadable(d.Body, out _)).Select(d => d.AttemptId).ToList();
            if (still.Count > 0)
            {
                try
                {
                    await using var tx = await db.Database.BeginTransactionAsync(ct);
                    await scope.ServiceProvider.GetRequiredService<AttemptDigestWriter>().WriteAsync(still, ct);
                    await tx.CommitAsync(ct);
                    repaired += still.Count;
                    foreach (var (id, problem) in batch.Where(b => still.Contains(b.Key)))
                        log.LogWarning("The digest of attempt {AttemptId} could not be read ({Problem}); rewrote it from the attempt's items", id, problem);
                }
                catch (DbUpdateException e)
                {
                    // A grading request rewrote one of them first: its digest is current.
                    log.LogInformation(e, "A batch of damaged attempt digests was rewritten concurrently; skipped");
                }
            }
            foreach (var id in ids) damaged.Forget(id);
        }
        return repaired;
    }
}
