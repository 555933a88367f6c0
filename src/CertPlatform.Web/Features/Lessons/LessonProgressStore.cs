using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CertPlatform.Web.Features.Lessons;

/// <summary>Reading progress: last opened lesson (resume) and lessons marked learned.</summary>
public sealed class LessonProgressStore(AppDbContext db, ContentCatalog catalog, TimeProvider clock, IMemoryCache cache)
{
    /// <summary>Re-reading the lesson one last opened within this window does not write again.</summary>
    public static readonly TimeSpan ViewRecordWindow = TimeSpan.FromMinutes(5);

    private sealed record LastView(string LessonId, DateTimeOffset At);

    public async Task RecordViewAsync(string userId, string lessonId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        // Reading is the hot path: skip the database write when this lesson is already the user's
        // latest recorded view (resume stays exact: opening another lesson always writes).
        var key = "lesson-view:" + userId;
        if (cache.TryGetValue(key, out LastView? last) && last!.LessonId == lessonId && now - last.At < ViewRecordWindow) return;
        cache.Set(key, new LastView(lessonId, now), ViewRecordWindow);
        var row = await db.LessonProgress.SingleOrDefaultAsync(p => p.UserId == userId && p.LessonId == lessonId, ct);
        if (row is null)
            db.LessonProgress.Add(new LessonProgress { UserId = userId, LessonId = lessonId, FirstViewedAt = now, LastViewedAt = now });
        else
            row.LastViewedAt = now;
        await SaveIgnoringDuplicateAsync(ct);
    }

    public async Task SetLearnedAsync(string userId, string lessonId, bool learned, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var row = await db.LessonProgress.SingleOrDefaultAsync(p => p.UserId == userId && p.LessonId == lessonId, ct);
        if (row is null)
        {
            row = new LessonProgress { UserId = userId, LessonId = lessonId, FirstViewedAt = now, LastViewedAt = now };
            db.LessonProgress.Add(row);
        }
        row.LearnedAt = learned ? row.LearnedAt ?? now : null;
        await SaveIgnoringDuplicateAsync(ct);
    }

    public async Task<HashSet<string>> LearnedAsync(string userId, CancellationToken ct = default) =>
        (await db.LessonProgress.Where(p => p.UserId == userId && p.LearnedAt != null).Select(p => p.LessonId).ToListAsync(ct))
        .ToHashSet();

    public async Task<bool> IsLearnedAsync(string userId, string lessonId, CancellationToken ct = default) =>
        await db.LessonProgress.AnyAsync(p => p.UserId == userId && p.LessonId == lessonId && p.LearnedAt != null, ct);

    /// <summary>The lesson to resume: the most recently opened one that still exists in the content.</summary>
    public async Task<Lesson?> ResumeAsync(string userId, CancellationToken ct = default)
    {
        var recent = await db.LessonProgress.Where(p => p.UserId == userId)
            .OrderByDescending(p => p.LastViewedAt).Select(p => p.LessonId).Take(5).ToListAsync(ct);
        return recent.Select(catalog.Find).FirstOrDefault(l => l is not null);
    }

    public IReadOnlyList<PartProgress> PerPart(HashSet<string> learned) =>
        catalog.Curriculum.Parts.Select(p =>
        {
            var ids = p.Lessons.Select(l => l.Id).Where(id => catalog.Find(id) is not null).ToList();
            return new PartProgress(p, ids.Count(learned.Contains), ids.Count);
        }).ToList();

    // Two tabs opening the same lesson at once may both insert; the unique index keeps one row.
    private Task SaveIgnoringDuplicateAsync(CancellationToken ct) => db.TrySaveChangesAsync(ct);
}
