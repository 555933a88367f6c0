using System.Security.Cryptography;
using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Account;

/// <summary>Opens and closes server-side sessions (<see cref="UserSession"/>).</summary>
public sealed class UserSessions(AppDbContext db, SessionCache cache, TimeProvider clock)
{
    /// <summary>Sessions older than this are removed when their user next signs in (cookies last 8 hours, sliding).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    public async Task<string> OpenAsync(string userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - Retention;
        await db.UserSessions.Where(s => s.UserId == userId && s.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
        var session = new UserSession { Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), UserId = userId, CreatedAt = now };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    public async Task CloseAsync(string sessionId, CancellationToken ct = default)
    {
        await db.UserSessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync(ct);
        cache.Closed(sessionId);
    }

    /// <summary>Ends every session of a user (deactivation, password reset); other instances notice within <see cref="SessionCache.StaleLimit"/>.</summary>
    public async Task CloseAllAsync(string userId, CancellationToken ct = default)
    {
        var ids = await db.UserSessions.Where(s => s.UserId == userId).Select(s => s.Id).ToListAsync(ct);
        await db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
        foreach (var id in ids) cache.Closed(id);
    }
}
