using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>
/// What item analysis has learnt about each question, for blueprint draws and the feasibility check:
/// over every graded response in every paper, the facility (share of the points earned) and the
/// flags of <see cref="ItemFlags"/> (too easy, too hard, weak or negative discrimination of its mark
/// against the attempt's total, both as a share of their maximum). Recomputed at most every
/// <see cref="AnalyticsOptions.ItemQualityCacheSeconds"/>.
/// </summary>
public sealed class ItemQuality(IServiceScopeFactory scopes, TimeProvider clock, IOptions<AnalyticsOptions> options)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile Snapshot? snapshot;

    private sealed record Snapshot(IReadOnlyDictionary<string, ObservedQuality> Observed, DateTimeOffset At);

    /// <summary>The draw policy a paper asks for, with the configured minimum of responses.</summary>
    public DrawPolicy PolicyFor(Paper paper) =>
        new(paper.DrawExcludeFlagged, paper.DrawUseObservedFacility, options.Value.ObservedFacilityMinResponses);

    /// <summary>The candidates with what has been observed about them (unchanged when nothing has).</summary>
    public async Task<IReadOnlyList<DrawCandidate>> EnrichAsync(IEnumerable<DrawCandidate> pool, CancellationToken ct)
    {
        var observed = await ObservedAsync(ct);
        return pool.Select(c => observed.TryGetValue(c.Id, out var o) ? c with { Observed = o } : c).ToList();
    }

    public async Task<IReadOnlyDictionary<string, ObservedQuality>> ObservedAsync(CancellationToken ct)
    {
        var lifetime = TimeSpan.FromSeconds(options.Value.ItemQualityCacheSeconds);
        if (snapshot is { } s && clock.GetUtcNow() - s.At < lifetime) return s.Observed;
        await gate.WaitAsync(ct);
        try
        {
            if (snapshot is { } again && clock.GetUtcNow() - again.At < lifetime) return again.Observed;
            var computed = await ComputeAsync(ct);
            snapshot = new Snapshot(computed, clock.GetUtcNow());
            return computed;
        }
        finally { gate.Release(); }
    }

    /// <summary>Forget the figures (e.g. after a batch of attempts was graded).</summary>
    public void Invalidate() => snapshot = null;

    private async Task<IReadOnlyDictionary<string, ObservedQuality>> ComputeAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var graded = db.Attempts.AsNoTracking().Graded();
        var rows = db.AttemptItems.AsNoTracking().Join(graded, i => i.AttemptId, a => a.Id,
            (i, a) => new { i.QuestionId, i.AutoScore, i.ManualScore, i.Points, a.Score, a.MaxScore });
        var byQuestion = new Dictionary<string, (List<double> Marks, List<double> Totals)>();
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (r.Points <= 0 || r.MaxScore <= 0) continue;
            if (!byQuestion.TryGetValue(r.QuestionId, out var lists)) byQuestion[r.QuestionId] = lists = ([], []);
            lists.Marks.Add((double)((r.AutoScore + (r.ManualScore ?? 0)) / r.Points));
            lists.Totals.Add((double)((r.Score ?? 0) / r.MaxScore));
        }
        var thresholds = options.Value.Flags;
        return byQuestion.ToDictionary(q => q.Key, q =>
        {
            var stats = ItemAnalysis.Drawn(q.Key, q.Key, 1, q.Value.Marks.ToArray(), q.Value.Totals.ToArray(), 1);
            return new ObservedQuality(stats.Attempts, stats.Facility ?? 0, ItemFlags.ForQuestion(stats, [], thresholds).Select(f => f.Kind).ToList());
        });
    }
}
