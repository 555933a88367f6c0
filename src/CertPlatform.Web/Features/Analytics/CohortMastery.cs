using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>
/// Mastery of the cohort per curriculum part and lesson: the share of the available points trainees
/// earned on exam questions of that part or lesson (graded attempts of every paper), optionally for
/// one organisation and a date range — which topics the organisation's trainees get wrong.
/// </summary>
public sealed class CohortMastery(AppDbContext db, ContentCatalog catalog)
{
    public const int WeakestShown = 10;

    private sealed class Sum
    {
        public double Score, Points;
        public int Responses;
        public readonly HashSet<string> Trainees = [];
        public MasteryEntry Entry(string id, string title) => new(id, title, Responses, Trainees.Count, Points > 0 ? 100 * Score / Points : null);
    }

    public async Task<CohortMasteryModel> RunAsync(CohortFilter filter, CancellationToken ct)
    {
        var attempts = db.Attempts.AsNoTracking().Graded()
            .FinishedBetween(filter.From, filter.To);
        if (!string.IsNullOrWhiteSpace(filter.Organization))
        {
            var org = filter.Organization.Trim();
            attempts = attempts.Where(a => db.Users.Any(u => u.Id == a.UserId && u.Organization == org));
        }
        var parts = new Dictionary<string, Sum>();
        var lessons = new Dictionary<string, Sum>();
        var rows = db.AttemptItems.AsNoTracking().Join(attempts, i => i.AttemptId, a => a.Id, (i, a) => new { i.PartId, i.LessonId, a.UserId, i.AutoScore, i.ManualScore, i.Points });
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
            foreach (var sum in new[] { Get(parts, r.PartId), Get(lessons, r.LessonId) })
            {
                sum.Score += (double)(r.AutoScore + (r.ManualScore ?? 0));
                sum.Points += (double)r.Points;
                sum.Responses++;
                sum.Trainees.Add(r.UserId);
            }
        var result = catalog.Curriculum.Parts.Select(p => new PartMastery(
            (parts.GetValueOrDefault(p.Id) ?? new Sum()).Entry(p.Id, p.Title),
            p.Lessons.Select(l => (lessons.GetValueOrDefault(l.Id) ?? new Sum()).Entry(l.Id, catalog.Find(l.Id)?.Title ?? l.Id)).ToList())).ToList();
        var weakest = result.SelectMany(p => p.Lessons).Where(l => l.Mastery is not null).OrderBy(l => l.Mastery).ThenBy(l => l.Id, StringComparer.Ordinal).Take(WeakestShown).ToList();
        var organizations = await db.Users.AsNoTracking().Where(u => u.Organization != "").Select(u => u.Organization).Distinct().OrderBy(o => o).ToListAsync(ct);
        return new CohortMasteryModel(filter, organizations, result, weakest);
    }

    public static IEnumerable<IReadOnlyList<ExportCell>> Rows(CohortMasteryModel model)
    {
        yield return ["level", "id", "title", "responses", "trainees", "mastery"];
        foreach (var p in model.Parts)
        {
            yield return ["part", p.Part.Id, p.Part.Title, ExportCell.Number(p.Part.Responses), ExportCell.Number(p.Part.Trainees), StatisticsTables.Number(p.Part.Mastery)];
            foreach (var l in p.Lessons)
                yield return ["lesson", l.Id, l.Title, ExportCell.Number(l.Responses), ExportCell.Number(l.Trainees), StatisticsTables.Number(l.Mastery)];
        }
    }

    private static Sum Get(Dictionary<string, Sum> sums, string key)
    {
        if (!sums.TryGetValue(key, out var s)) sums[key] = s = new Sum();
        return s;
    }
}
