using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Results;

/// <summary>Per paper: attempts, finished, waiting for an examiner, pass rate, mean score, distribution, regrade flags.</summary>
public sealed class ResultsOverview(AppDbContext db)
{
    public const int BucketWidth = 10;

    public async Task<IReadOnlyList<PaperStats>> ListAsync(CancellationToken ct)
    {
        var papers = await db.Papers.AsNoTracking().OrderBy(p => p.Kind).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Title, p.Kind, p.PassMark }).ToListAsync(ct);
        // Only the columns the figures need; decimals are summed here, not in SQL (not every provider can).
        var attempts = (await db.Attempts.AsNoTracking()
            .Select(a => new { a.PaperId, a.Status, a.Grading, a.Score, a.MaxScore, a.Passed, a.PassChangedByRegrade }).ToListAsync(ct))
            .ToLookup(a => a.PaperId);
        return papers.Select(p =>
        {
            var all = attempts[p.Id].ToList();
            var final = all.Where(a => a.Status == AttemptStatus.Finished && a.Grading == GradingStatus.Final).ToList();
            var percents = final.Where(a => a.MaxScore > 0).Select(a => (a.Score ?? 0) * 100 / a.MaxScore).ToList();
            return new PaperStats(p.Id, p.Title, p.Kind, p.PassMark, all.Count,
                all.Count(a => a.Status == AttemptStatus.Finished), all.Count(a => a.Status == AttemptStatus.InProgress),
                all.Count(a => a.Status == AttemptStatus.Finished && a.Grading == GradingStatus.AwaitingManual), final.Count,
                final.Count(a => a.Passed == true),
                final.Count > 0 ? Math.Round(final.Average(a => a.Score ?? 0), 1, MidpointRounding.AwayFromZero) : null,
                final.Count > 0 ? final.Average(a => a.MaxScore) : null,
                all.Count(a => a.PassChangedByRegrade), Distribution(percents));
        }).ToList();
    }

    public static IReadOnlyList<ScoreBucket> Distribution(IReadOnlyCollection<decimal> percents)
    {
        var buckets = new int[100 / BucketWidth];
        foreach (var p in percents)
            buckets[Math.Clamp((int)Math.Floor(p / BucketWidth), 0, buckets.Length - 1)]++;
        return buckets.Select((count, i) => new ScoreBucket(i * BucketWidth, (i + 1) * BucketWidth, count)).ToList();
    }
}
