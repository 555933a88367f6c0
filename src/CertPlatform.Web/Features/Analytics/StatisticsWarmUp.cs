using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>
/// Once, in the background after start-up: runs the statistics page's use case for one paper over a date range no
/// attempt can fall in, so EF Core compiles the statistics queries, then rehearses the in-memory pipeline (digest
/// decoding, matrix, formulas, distractor tallies, report) on a small generated paper a few times, so the methods a
/// 10,000-attempt report calls a million times are already optimised (tiered compilation promotes a method after
/// about 30 calls) before the first examiner asks — without reading any attempt. Off with
/// <c>Analytics:WarmUp=false</c>. A failure is logged and changes nothing: the first request then pays the compilation.
/// </summary>
public sealed class StatisticsWarmUp(IServiceScopeFactory scopes, IOptions<AnalyticsOptions> options, ILogger<StatisticsWarmUp> log) : BackgroundService
{
    /// <summary>A finish date no attempt has: the warm-up's filter selects nothing.</summary>
    private static readonly StatisticsFilter Nothing = new(From: DateOnly.MaxValue.AddDays(-1));

    private readonly TaskCompletionSource<bool> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the warm-up has run: true when it ran, false when it was off, found no paper or failed.</summary>
    public Task<bool> Completed => _done.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WarmUp)
        {
            _done.TrySetResult(false);
            return;
        }
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var scope = scopes.CreateScope();
            var paperId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Papers.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync(stoppingToken);
            if (paperId is not null) await scope.ServiceProvider.GetRequiredService<PaperStatistics>().RunAsync(paperId, Nothing, stoppingToken);
            // The hot loops need calls, not just compilation: a few rounds on a small generated paper (about 0.1 s).
            PaperStatistics.Rehearse(200, 50, 4, options.Value.Flags);
            log.LogDebug("Statistics warmed up in {Ms} ms", clock.ElapsedMilliseconds);
            _done.TrySetResult(paperId is not null);
        }
        catch (OperationCanceledException)
        {
            _done.TrySetResult(false);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Warming up the statistics failed; the first statistics request compiles them instead");
            _done.TrySetResult(false);
        }
    }
}
