using System.Collections.Concurrent;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>
/// Question versions, cached in memory (exams, practice, grading, results and papers read through it): a version never changes once saved, so a start
/// storm reads each drawn question from the database once. The ready pool (what blueprints draw
/// from) is cached for a few seconds, so 2,000 simultaneous starts share one query.
/// </summary>
public sealed class QuestionVersionCache(IServiceScopeFactory scopes, TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string Id, int Version), Question> versions = new();
    private readonly SemaphoreSlim poolLock = new(1, 1);
    private volatile ReadyPool? pool;
    public static readonly TimeSpan PoolLifetime = TimeSpan.FromSeconds(10);


    public async Task<ReadyPool> PoolAsync(CancellationToken ct)
    {
        if (pool is { } p && clock.GetUtcNow() - p.LoadedAt < PoolLifetime) return p;
        await poolLock.WaitAsync(ct);
        try
        {
            if (pool is { } again && clock.GetUtcNow() - again.LoadedAt < PoolLifetime) return again;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var rows = await db.Questions.AsNoTracking().Where(q => q.Status == nameof(QuestionStatus.Ready))
                .Select(q => new { q.Id, q.PartId, q.LessonId, q.Type, q.Difficulty, q.Tags, q.CurrentVersion, q.Pool }).ToListAsync(ct);
            var loaded = new ReadyPool(
                rows.Select(q => new DrawCandidate(q.Id, q.PartId, q.LessonId, q.Type, q.Difficulty, q.Tags.Trim('|').Split('|', StringSplitOptions.RemoveEmptyEntries)) { Pool = q.Pool }).ToList(),
                rows.ToDictionary(q => q.Id, q => q.CurrentVersion), clock.GetUtcNow());
            pool = loaded;
            return loaded;
        }
        finally { poolLock.Release(); }
    }

    /// <summary>Forget the pool (a question was saved, retired or made ready).</summary>
    public void Invalidate() => pool = null;

    public async Task<IReadOnlyDictionary<(string Id, int Version), Question>> GetAsync(IEnumerable<(string Id, int Version)> keys, AppDbContext db, CancellationToken ct)
    {
        var wanted = keys.Distinct().ToList();
        var missing = wanted.Where(k => !versions.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            var ids = missing.Select(k => k.Id).Distinct().ToList();
            var rows = await db.QuestionVersions.AsNoTracking().Where(v => ids.Contains(v.QuestionId))
                .Select(v => new { v.QuestionId, v.Version, v.PayloadJson }).ToListAsync(ct);
            foreach (var r in rows.Where(r => missing.Contains((r.QuestionId, r.Version))))
                versions.TryAdd((r.QuestionId, r.Version), QuestionJson.Deserialize(r.PayloadJson));
        }
        return wanted.ToDictionary(k => k, k => versions.TryGetValue(k, out var q) ? q
            : throw new InvalidOperationException($"question {k.Id} version {k.Version} is not in the bank"));
    }

    public async Task<Question> GetAsync(string id, int version, AppDbContext db, CancellationToken ct) =>
        (await GetAsync([(id, version)], db, ct))[(id, version)];
}
