using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;
using CertPlatform.Web.Infrastructure.Cluster;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Exams;

/// <summary>
/// Finishes attempts whose deadline (plus grace) has passed and whose browser never submitted:
/// finish time is the deadline, not the moment the server noticed, and the attempt is graded.
/// </summary>
/// <remarks>
/// Several instances: each round runs under the cluster lock "exams.overdue" (one instance scans, the others skip the
/// round), and each attempt is still finished through <see cref="FinishAttempt"/>'s conditional update, so an attempt
/// is finished and graded exactly once even if two scans overlapped.
/// </remarks>
public sealed class OverdueAttempts(IServiceScopeFactory scopes, ExamDeadlines deadlines, TimeProvider clock, IOptions<ExamOptions> options,
    IClusterLock cluster, ILogger<OverdueAttempts> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Task.Delay rather than PeriodicTimer: a clock that jumps ahead (a suspended VM, a test's fake
        // clock) yields one scan, not one per missed period.
        var period = TimeSpan.FromSeconds(Math.Max(1, options.Value.OverdueScanSeconds));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try { await RunOnceAsync(stoppingToken); }
                catch (Exception e) when (e is not OperationCanceledException) { BackgroundFailure.Log(log, e, "Finishing overdue attempts"); }
                await Task.Delay(period, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) { }
    }

    public const string LockName = "exams.overdue";

    /// <summary>One round of the loop: finishes every overdue attempt unless another instance is doing it now; returns how many this instance finished.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var finished = 0;
        await cluster.TryRunAsync(LockName, async token => finished = await FinishOverdueAsync(token), ct);
        return finished;
    }

    /// <summary>Finishes every overdue attempt; returns how many this call finished (an attempt finished meanwhile by someone else is not counted).</summary>
    public async Task<int> FinishOverdueAsync(CancellationToken ct)
    {
        var cutoff = deadlines.OverdueBefore;
        List<string> due;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            due = await db.Attempts.Where(a => a.Status == AttemptStatus.InProgress && a.Deadline < cutoff)
                .OrderBy(a => a.Deadline).Select(a => a.Id).Take(500).ToListAsync(ct);
        }
        var finished = 0;
        foreach (var id in due)
            if (await FinishAsync(id, ct)) finished++;
        if (finished > 0) log.LogInformation("Finished {Count} attempts at their deadline", finished);
        return finished;
    }

    /// <summary>Finishes one attempt at its deadline; true when this call finished it (false: already finished, or unknown).</summary>
    public async Task<bool> FinishAsync(string attemptId, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        using var _ = log.BeginScope(new Dictionary<string, object> { ["AttemptId"] = attemptId });
        var result = await scope.ServiceProvider.GetRequiredService<FinishAttempt>().RunAsync(attemptId, FinishReason.Deadline, DateTimeOffset.MaxValue, ct);
        return result?.FinishedNow == true;
    }
}
