using System.Text.Json;
using System.Text.Json.Serialization;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Analytics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertPlatform.IntegrationTests.Features.Analytics;

/// <summary>The statistics of a paper through the digests, through the items and answers, and mixed, for comparison.</summary>
internal static class DigestPaths
{
    private static readonly JsonSerializerOptions Exact = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>The whole report (every figure, row, option tally and flag) as JSON: doubles in round-trip form, so equal text is equal figures.</summary>
    public static async Task<string> ReportAsync(AppFactory factory, string paperId, StatisticsFilter? filter = null)
    {
        using var scope = factory.Services.CreateScope();
        var model = await scope.ServiceProvider.GetRequiredService<PaperStatistics>().RunAsync(paperId, filter ?? new StatisticsFilter(), CancellationToken.None);
        return JsonSerializer.Serialize(model!.Report, Exact);
    }

    /// <summary>Attempts of the paper whose digest is current (written at their last grading).</summary>
    public static Task<int> CurrentAsync(AppFactory factory, string paperId) =>
        factory.ScopedAsync(db => db.AttemptDigests.CountAsync(d => d.PaperId == paperId && db.Attempts.Any(a => a.Id == d.AttemptId && a.GradedAt == d.GradedAt)));

    /// <summary>Deletes the digests of every <paramref name="every"/>th attempt of the paper (all with 1).</summary>
    public static async Task DeleteAsync(AppFactory factory, string paperId, int every)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = await db.AttemptDigests.Where(d => d.PaperId == paperId).OrderBy(d => d.AttemptId).Select(d => d.AttemptId).ToListAsync();
        var doomed = ids.Where((_, i) => i % every == 0).ToList();
        await db.AttemptDigests.Where(d => doomed.Contains(d.AttemptId)).ExecuteDeleteAsync();
    }

    /// <summary>
    /// The same attempts give the same report through the digests, half through the slow path, and all through the slow
    /// path; the backfill then restores every digest. Returns the report.
    /// </summary>
    public static async Task<string> AssertEquivalentAsync(AppFactory factory, string paperId, int attempts, StatisticsFilter? filter = null)
    {
        await factory.Services.GetRequiredService<AttemptDigestBackfill>().RunOnceAsync(CancellationToken.None);
        Assert.Equal(attempts, await CurrentAsync(factory, paperId));
        var digested = await ReportAsync(factory, paperId, filter);
        await DeleteAsync(factory, paperId, 2);
        Assert.Equal(attempts / 2, await CurrentAsync(factory, paperId));
        Assert.Equal(digested, await ReportAsync(factory, paperId, filter));
        await DeleteAsync(factory, paperId, 1);
        Assert.Equal(0, await CurrentAsync(factory, paperId));
        Assert.Equal(digested, await ReportAsync(factory, paperId, filter));
        // The backfill fills them again, once.
        Assert.Equal(attempts, await factory.Services.GetRequiredService<AttemptDigestBackfill>().RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await factory.Services.GetRequiredService<AttemptDigestBackfill>().RunOnceAsync(CancellationToken.None));
        Assert.Equal(attempts, await CurrentAsync(factory, paperId));
        Assert.Equal(digested, await ReportAsync(factory, paperId, filter));
        return digested;
    }
}
