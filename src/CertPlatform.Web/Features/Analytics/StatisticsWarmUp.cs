using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>
/// Once, in the background after start-up: runs the statistics page's use case for one paper over a date range no
/// attempt can fall in, so EF Core compiles the statistics queries and the runtime compiles the pipeline (digest
/// reading, matrix, formulas, report) before the first examiner asks — without reading any attempt. Off with
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
