using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>
/// A question's record across papers and versions (the statistics panel of the question page):
/// per paper and version, how many graded responses, the facility, SD and the discrimination of its
/// mark against the attempt's total (Moodle's rule for a drawn question), with flags.
/// </summary>
public sealed class QuestionHistory(AppDbContext db, IOptions<AnalyticsOptions> options)
{
    public async Task<IReadOnlyList<QuestionHistoryRow>> RunAsync(string questionId, CancellationToken ct)
    {
        var graded = db.Attempts.AsNoTracking().Graded();
        var items = await db.AttemptItems.AsNoTracking().Where(i => i.QuestionId == questionId)
            .Join(graded, i => i.AttemptId, a => a.Id, (i, a) => new { a.PaperId, i.Version, i.AutoScore, i.ManualScore, i.Points, a.Score, a.MaxScore })
            .ToListAsync(ct);
        if (items.Count == 0) return [];
        var paperIds = items.Select(i => i.PaperId).Distinct().ToList();
        var titles = await db.Papers.AsNoTracking().Where(p => paperIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        return items.GroupBy(i => (i.PaperId, i.Version)).OrderBy(g => g.Key.PaperId, StringComparer.Ordinal).ThenBy(g => g.Key.Version).Select(g =>
        {
            var marks = g.Select(i => (double)(i.AutoScore + (i.ManualScore ?? 0))).ToArray();
            var totals = g.Select(i => (double)(i.Score ?? 0)).ToArray();
            var stats = ItemAnalysis.Drawn(AnalyticsKeys.Version(questionId, g.Key.Version), g.Key.PaperId, (double)g.Max(i => i.Points), marks, totals, (double)g.Max(i => i.MaxScore));
            return new QuestionHistoryRow(g.Key.PaperId, titles.GetValueOrDefault(g.Key.PaperId, g.Key.PaperId), g.Key.Version, stats, ItemFlags.ForQuestion(stats, [], options.Value.Flags));
        }).ToList();
    }
}
