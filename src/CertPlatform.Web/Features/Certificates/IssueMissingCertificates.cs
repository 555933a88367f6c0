using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Certificates;

/// <summary>
/// Safety net: issues certificates for passed certification attempts that have none, and completes certificates whose
/// PDF is missing (the process stopped or the renderer failed between reserving the number and storing the file).
/// Runs shortly after start and then every few minutes. With several instances each round runs under the cluster lock
/// "certificates.missing" (one instance works, the others skip the round); <see cref="IssueCertificate"/> itself is
/// idempotent (one certificate per attempt, the file stored once), so an overlap could cost a render, never a duplicate.
/// </summary>
public sealed class IssueMissingCertificates(IServiceScopeFactory scopes, TimeProvider clock, Infrastructure.Cluster.IClusterLock cluster,
    ILogger<IssueMissingCertificates> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try { await RunClusterRoundAsync(stoppingToken); }
                catch (Exception e) when (e is not OperationCanceledException) { BackgroundFailure.Log(log, e, "Issuing missing certificates"); }
                await Task.Delay(TimeSpan.FromMinutes(5), clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>A certificate reserved this long ago and still without its PDF is completed here (younger ones are still rendering).</summary>
    public static readonly TimeSpan UnfinishedAfter = TimeSpan.FromMinutes(1);

    public const string LockName = "certificates.missing";

    /// <summary>One round of the loop: <see cref="RunOnceAsync"/> unless another instance is running it; returns how many this instance issued or completed.</summary>
    public async Task<int> RunClusterRoundAsync(CancellationToken ct)
    {
        var done = 0;
        await cluster.TryRunAsync(LockName, async token => done = await RunOnceAsync(token), ct);
        return done;
    }

    /// <returns>How many certificates were issued or completed.</returns>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var issue = scope.ServiceProvider.GetRequiredService<IssueCertificate>();
        var missing = await CertificationEligibility.EligibleAttempts(db).AsNoTracking()
            .Where(a => !db.Certificates.Any(c => c.AttemptId == a.Id))
            .OrderBy(a => a.FinishedAt).Select(a => a.Id).Take(200).ToListAsync(ct);
        foreach (var attemptId in missing) await issue.IssueAsync(attemptId, ct);

        // Certificates whose row was committed but whose PDF never got stored (crash or failed render between the steps).
        var cutoff = clock.GetUtcNow() - UnfinishedAfter;
        var unfinished = await db.Certificates.AsNoTracking()
            .Where(c => c.IssuedAt <= cutoff && !db.CertificateFiles.Any(f => f.CertificateId == c.Id))
            .OrderBy(c => c.IssuedAt).Select(c => c.Id).Take(200).ToListAsync(ct);
        var completed = 0;
        foreach (var id in unfinished)
            if (await issue.CompleteAsync(id, ct)) completed++;
        if (completed > 0) log.LogWarning("Completed {Count} certificates whose PDF was missing", completed);
        return missing.Count + completed;
    }
}
