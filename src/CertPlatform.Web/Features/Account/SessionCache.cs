using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CertPlatform.Web.Features.Account;

/// <summary>
/// Answers "is this server-side session still open?" on every authenticated request. Answers are kept
/// for <see cref="Lifetime"/>, so a busy session (exam autosave) costs one primary-key lookup per
/// interval, not per request; a sign-out on this instance forgets its answer at once, and other
/// instances (PostgreSQL behind a load balancer) notice within <see cref="Lifetime"/>.
/// </summary>
public sealed class SessionCache(IMemoryCache cache, IServiceScopeFactory scopes)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    public async Task<bool> IsOpenAsync(string sessionId, string userId, CancellationToken ct)
    {
        var key = Key(sessionId);
        if (cache.TryGetValue(key, out string? owner)) return owner == userId;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var found = await db.UserSessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => s.UserId).FirstOrDefaultAsync(ct);
        cache.Set(key, found ?? "", Lifetime);
        return found == userId;
    }

    /// <summary>Marks a session closed on this instance immediately (the row is deleted by the caller).</summary>
    public void Closed(string sessionId) => cache.Set(Key(sessionId), "", Lifetime);

    private static string Key(string sessionId) => "session:" + sessionId;
}
