using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Exams;

/// <summary>
/// Finishes attempts whose deadline (plus grace) has passed and whose browser never submitted:
/// finish time is the deadline, not the moment the server noticed, and the attempt is graded.
/// </summary>
public sealed class OverdueAttempts(IServiceScopeFactory scopes, ExamDeadlines deadlines, TimeProvider clock, IOptions<ExamOptions> options, ILogger<OverdueAttempts> log) : BackgroundService
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
                try { await FinishOverdueAsync(stoppingToken); }
                catch (Exception e) when (e is not OperationCanceledException) { log.LogError(e, "Finishing overdue attempts failed; will retry"); }
                await Task.Delay(period, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>Finishes every overdue attempt; returns how many.</summary>
    public async Task<int> FinishOverdueAsync(CancellationToken ct)
    {
        var cutoff = deadlines.OverdueBefore;
        List<string> due;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            due = await db.Attempts.Where(a => a.Status == AttemptStatus.InProgress && a.Deadline < cutoff).Select(a => a.Id).Take(500).ToListAsync(ct);
        }
        foreach (var id in due) await FinishAsync(id, ct);
        if (due.Count > 0) log.LogInformation("Finished {Count} attempts at their deadline", due.Count);
        return due.Count;
    }

    public async Task FinishAsync(string attemptId, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<FinishAttempt>().RunAsync(attemptId, FinishReason.Deadline, DateTimeOffset.MaxValue, ct);
    }
}
