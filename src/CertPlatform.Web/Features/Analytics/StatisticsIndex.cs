using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>The papers an examiner can analyse, with how many graded attempts each has.</summary>
public sealed class StatisticsIndex(AppDbContext db)
{
    public async Task<IReadOnlyList<StatisticsPaperEntry>> ListAsync(CancellationToken ct)
    {
        var papers = await db.Papers.AsNoTracking().OrderBy(p => p.Kind).ThenBy(p => p.Id).Select(p => new { p.Id, p.Title, p.Kind }).ToListAsync(ct);
        var graded = await db.Attempts.AsNoTracking().Graded()
            .GroupBy(a => a.PaperId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return papers.Select(p => new StatisticsPaperEntry(p.Id, p.Title, p.Kind, graded.GetValueOrDefault(p.Id))).ToList();
    }
}
