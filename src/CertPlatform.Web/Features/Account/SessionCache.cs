using System.Collections.Concurrent;
using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Account;

/// <summary>
/// Answers "is this server-side session still open, and is its user's cookie still current?" on every
/// authenticated request without a database round trip per request. Each session's <see cref="SessionState"/>
/// is kept for at most <see cref="Lifetime"/>: <see cref="SessionRevalidator"/> re-reads the sessions in use
/// in batches every half <see cref="Lifetime"/> (one query per 500 sessions), so an exam autosave finds a fresh
/// answer in memory; only a session seen for the first time, or one the background pass has not reached in
/// time, is read on the request. A sign-out on this instance closes the session here at once; other
/// instances (PostgreSQL behind a load balancer) notice within <see cref="Lifetime"/>, as do changes of the
/// user's security stamp, name or status. A closed session stays closed (session ids are never reused).
/// </summary>
public sealed class SessionCache(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    /// <summary>Sessions not used for this long are forgotten (read again if they come back).</summary>
    public static readonly TimeSpan IdleAfter = TimeSpan.FromMinutes(15);

    /// <summary>A cookie's issue time is kept to the second: a state read in that second may predate the cookie.</summary>
    private static readonly TimeSpan CookieTimePrecision = TimeSpan.FromSeconds(1);

    /// <summary>Sessions read per query by the batched refresh.</summary>
    public const int BatchSize = 500;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Sessions held in memory (for tests and diagnostics).</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// The session's state no older than <see cref="Lifetime"/> and read after <paramref name="issuedAt"/> (the
    /// cookie's issue time: a cookie issued after the state was read — a password change or refresh on this or
    /// another instance — may carry a newer stamp), or null when it is closed or unknown.
    /// </summary>
    public async Task<SessionState?> GetAsync(string sessionId, DateTimeOffset? issuedAt, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(sessionId, out var entry)
            && (entry.Closed || (now - entry.CheckedAt <= Lifetime && (issuedAt is null || entry.CheckedAt >= issuedAt.Value + CookieTimePrecision))))
        {
            entry.LastUsed = now;
            return entry.State;
        }
        return await ReadFreshAsync(sessionId, ct);
    }

    /// <summary>
    /// The session's state read from the database now (and kept). Used before a cookie is refused for a stamp that differs
    /// from the cached one: a cookie re-issued by Identity's refresh (after a password change) keeps its first issue time,
    /// so the issue-time rule in <see cref="GetAsync"/> cannot tell that the cached state predates it.
    /// </summary>
    public async Task<SessionState?> ReadFreshAsync(string sessionId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var read = await ReadAsync([sessionId], ct);
        Store(sessionId, read.GetValueOrDefault(sessionId), now, now);
        return _entries.TryGetValue(sessionId, out var entry) ? entry.State : null;
    }

    /// <summary>Marks a session closed on this instance immediately (the row is deleted by the caller).</summary>
    public void Closed(string sessionId) => Store(sessionId, null, clock.GetUtcNow(), clock.GetUtcNow());

    /// <summary>
    /// One background pass: re-reads, in batches, every session used within <see cref="IdleAfter"/> whose
    /// state is older than half <see cref="Lifetime"/>, and forgets the idle ones. Returns how many were read.
    /// </summary>
    public async Task<int> RefreshAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var (id, e) in _entries)
            if (now - e.LastUsed > IdleAfter) _entries.TryRemove(new KeyValuePair<string, Entry>(id, e));
        var due = _entries.Where(kv => !kv.Value.Closed && now - kv.Value.CheckedAt >= Lifetime / 2).Select(kv => kv.Key).ToList();
        foreach (var batch in due.Chunk(BatchSize))
        {
            var read = await ReadAsync(batch, ct);
            foreach (var id in batch)
            {
                if (!_entries.TryGetValue(id, out var e)) continue;
                var state = read.GetValueOrDefault(id);
                // Unchanged (the common case): the entry is confirmed in place. Replacing it would make 10,000 sessions'
                // entries garbage every pass, each a few seconds old — the mid-life objects a generational GC handles worst.
                // An entry closed or replaced meanwhile is no longer in the dictionary: confirming it changes nothing.
                if (state is not null && state == e.State) e.Confirm(now);
                else Store(id, state, now, e.LastUsed);
            }
        }
        return due.Count;
    }

    /// <summary>A closed entry is final: a refresh that read the row before a sign-out deleted it cannot reopen it.</summary>
    private void Store(string sessionId, SessionState? state, DateTimeOffset checkedAt, DateTimeOffset lastUsed) =>
        _entries.AddOrUpdate(sessionId,
            _ => new Entry(state, checkedAt) { LastUsed = lastUsed },
            (_, old) => old.Closed ? old : new Entry(state, checkedAt) { LastUsed = lastUsed > old.LastUsed ? lastUsed : old.LastUsed });

    private async Task<Dictionary<string, SessionState>> ReadAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await (from s in db.UserSessions.AsNoTracking()
                          join u in db.Users.AsNoTracking() on s.UserId equals u.Id
                          where ids.Contains(s.Id)
                          select new { s.Id, s.UserId, u.SecurityStamp, u.FullName, u.UserName, u.MustChangePassword, u.IsActive }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new SessionState(r.UserId, r.SecurityStamp,
            AppClaimsFactory.DisplayName(r.FullName, r.UserName), r.MustChangePassword, r.IsActive), StringComparer.Ordinal);
    }

    private sealed class Entry(SessionState? state, DateTimeOffset checkedAt)
    {
        // UTC ticks in a long: read by requests while the background pass confirms it (a 64-bit write is atomic, a DateTimeOffset's is not).
        private long _checkedAtTicks = checkedAt.UtcTicks;

        public SessionState? State { get; } = state;
        public DateTimeOffset CheckedAt => new(Volatile.Read(ref _checkedAtTicks), TimeSpan.Zero);
        public bool Closed => State is null;
        public DateTimeOffset LastUsed { get; set; }

        /// <summary>The database still says <see cref="State"/> at <paramref name="checkedAt"/>.</summary>
        public void Confirm(DateTimeOffset checkedAt) => Volatile.Write(ref _checkedAtTicks, checkedAt.UtcTicks);
    }
}
