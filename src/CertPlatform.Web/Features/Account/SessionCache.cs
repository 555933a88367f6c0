using System.Collections.Concurrent;
using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Account;

/// <summary>
/// Answers "is this server-side session still open, and is its user's cookie still current?" on every
/// authenticated request without a database round trip per request. Each session's <see cref="SessionState"/>
/// is confirmed against the database at least every <see cref="Lifetime"/>: <see cref="SessionRevalidator"/>
/// re-reads the sessions in use in batches every half <see cref="Lifetime"/> (one query per <see cref="BatchSize"/>
/// sessions), so an exam autosave finds a fresh answer in memory.
/// <para>When a request needs a read — a session seen for the first time, a state older than <see cref="StaleLimit"/>,
/// a cookie issued after the state was read, or <see cref="ReadFreshAsync"/> — it does not run a query of its own: it
/// joins the pending batch. One reader at a time (per instance) takes everything pending, up to <see cref="BatchSize"/>
/// sessions, into one query and completes every waiter; requests that arrive while a read is in flight wait for the
/// next batch, whose query starts after they asked (so a cookie issued before the request is never judged against a
/// read that began earlier). A failed read (an overloaded database: 503) fails the waiters of its batch only; a waiter
/// that gives up (request aborted) leaves the batch unharmed. On a saturated box, where the background pass falls
/// behind, thousands of requests a second thus cost a few batched queries instead of one query each
/// (bench/RESULTS.md, "The session check coalesced").</para>
/// <para>Stale while refreshing: a state older than <see cref="Lifetime"/> but no older than <see cref="StaleLimit"/>
/// (2 × <see cref="Lifetime"/>) is still served, and its session is queued for the next batch read without the request
/// waiting for it. Hence the promise: a sign-out on this instance closes the session here at once; other instances
/// (PostgreSQL behind a load balancer) notice a sign-out, password change or reset, role change or deactivation within
/// <see cref="StaleLimit"/> (20 s), as they do changes of the user's name. A cookie issued after the state was read
/// always forces a read (the issue-time rule: correctness, not load). A closed session stays closed (session ids are
/// never reused): a read that began before the sign-out cannot reopen it.</para>
/// </summary>
public sealed class SessionCache(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>A state this old is due for a read: the background pass keeps states younger, a request queues a read.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The oldest state a request is answered from (while its refresh is pending); an older one makes the request wait for
    /// a read. Changes made on another instance are noticed within this time.
    /// </summary>
    public static readonly TimeSpan StaleLimit = 2 * Lifetime;

    /// <summary>Sessions not used for this long are forgotten (read again if they come back).</summary>
    public static readonly TimeSpan IdleAfter = TimeSpan.FromMinutes(15);

    /// <summary>A cookie's issue time is kept to the second: a state read in that second may predate the cookie.</summary>
    private static readonly TimeSpan CookieTimePrecision = TimeSpan.FromSeconds(1);

    /// <summary>Sessions read per query, by the background pass and by the requests' batches.</summary>
    public const int BatchSize = 500;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    // The requests' batches: _pending is the next batch (one completion per session, shared by its waiters), _inFlight the
    // sessions of the running read; one reader at a time (_reading). All three only under _gate.
    private readonly Lock _gate = new();
    private Dictionary<string, TaskCompletionSource<SessionState?>> _pending = new(StringComparer.Ordinal);
    private IReadOnlyCollection<string> _inFlight = [];
    private bool _reading;

    /// <summary>Sessions held in memory (for tests and diagnostics).</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// The session's state no older than <see cref="StaleLimit"/> (a state older than <see cref="Lifetime"/> is queued for
    /// a read meanwhile) and read after <paramref name="issuedAt"/> (the cookie's issue time: a cookie issued after the state
    /// was read — a password change or refresh on this or another instance — may carry a newer stamp), or null when it is
    /// closed or unknown.
    /// </summary>
    public async Task<SessionState?> GetAsync(string sessionId, DateTimeOffset? issuedAt, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(sessionId, out var entry))
        {
            if (entry.Closed)
            {
                entry.LastUsed = now;
                return null;
            }
            var checkedAt = entry.CheckedAt;
            if (now - checkedAt <= StaleLimit && (issuedAt is null || checkedAt >= issuedAt.Value + CookieTimePrecision))
            {
                entry.LastUsed = now;
                if (now - checkedAt > Lifetime) RefreshSoon(sessionId);
                return entry.State;
            }
        }
        return await ReadFreshAsync(sessionId, ct);
    }

    /// <summary>
    /// The session's state read from the database by a batch that starts after this call (and kept). Used before a cookie
    /// is refused for a stamp that differs from the cached one: a cookie re-issued by Identity's refresh (after a password
    /// change) keeps its first issue time, so the issue-time rule in <see cref="GetAsync"/> cannot tell that the cached
    /// state predates it. <paramref name="ct"/> ends this caller's wait only, not the batch's read.
    /// </summary>
    public Task<SessionState?> ReadFreshAsync(string sessionId, CancellationToken ct) => Join(sessionId).WaitAsync(ct);

    /// <summary>Marks a session closed on this instance immediately (the row is deleted by the caller).</summary>
    public void Closed(string sessionId) => Store(sessionId, null, clock.GetUtcNow(), clock.GetUtcNow());

    /// <summary>
    /// One background pass: re-reads, in batches, every session used within <see cref="IdleAfter"/> whose
    /// state is older than half <see cref="Lifetime"/>, and forgets the idle ones. A session that a request's batch has
    /// read since the pass began is not read again. Returns how many were read.
    /// </summary>
    public async Task<int> RefreshAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var (id, e) in _entries)
            if (now - e.LastUsed > IdleAfter) _entries.TryRemove(new KeyValuePair<string, Entry>(id, e));
        var due = _entries.Where(kv => !kv.Value.Closed && now - kv.Value.CheckedAt >= Lifetime / 2).Select(kv => kv.Key).ToList();
        var count = 0;
        foreach (var chunk in due.Chunk(BatchSize))
        {
            // On a busy box the pass's batches take a while: by this one's turn the requests may have read some of them.
            var batch = chunk.Where(id => _entries.TryGetValue(id, out var e) && !e.Closed && now - e.CheckedAt >= Lifetime / 2).ToArray();
            if (batch.Length == 0) continue;
            var read = await ReadAsync(batch, ct);
            foreach (var id in batch)
                if (_entries.TryGetValue(id, out var e)) Apply(id, read.GetValueOrDefault(id), now, e.LastUsed);
            count += batch.Length;
        }
        return count;
    }

    /// <summary>The pending batch's completion for this session (the batch is started if no read is running).</summary>
    private Task<SessionState?> Join(string sessionId)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue(sessionId, out var done))
                _pending[sessionId] = done = new TaskCompletionSource<SessionState?>(TaskCreationOptions.RunContinuationsAsynchronously);
            StartReader();
            return done.Task;
        }
    }

    /// <summary>Queues a read of a stale session for the next batch, unless one is pending or in flight; nobody waits for it.</summary>
    private void RefreshSoon(string sessionId)
    {
        lock (_gate)
        {
            if (_pending.ContainsKey(sessionId) || _inFlight.Contains(sessionId)) return;
            _pending[sessionId] = new TaskCompletionSource<SessionState?>(TaskCreationOptions.RunContinuationsAsynchronously);
            StartReader();
        }
    }

    private void StartReader()
    {
        if (_reading) return;
        _reading = true;
        _ = Task.Run(ReadBatchesAsync);
    }

    /// <summary>The one reader: batch after batch of what is pending, until nothing is.</summary>
    private async Task ReadBatchesAsync()
    {
        while (true)
        {
            Dictionary<string, TaskCompletionSource<SessionState?>> batch;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    _inFlight = [];
                    _reading = false;
                    return;
                }
                if (_pending.Count <= BatchSize)
                {
                    batch = _pending;
                    _pending = new(StringComparer.Ordinal);
                }
                else
                {
                    batch = new(BatchSize, StringComparer.Ordinal);
                    foreach (var (id, done) in _pending.Take(BatchSize)) batch[id] = done;
                    foreach (var id in batch.Keys) _pending.Remove(id);
                }
                _inFlight = batch.Keys;
            }
            // Taken before the query starts: the state is at least this recent (the issue-time rule compares with it).
            var checkedAt = clock.GetUtcNow();
            try
            {
                // Not cancellable by any one waiter: the others still want the answer.
                var read = await ReadAsync(batch.Keys.ToArray(), CancellationToken.None);
                foreach (var (id, done) in batch) done.TrySetResult(Apply(id, read.GetValueOrDefault(id), checkedAt, checkedAt));
            }
            catch (Exception e)
            {
                // Every waiter of this batch gets the failure (an overloaded database: 503); the next batch tries again.
                foreach (var done in batch.Values)
                {
                    done.TrySetException(e);
                    _ = done.Task.Exception; // observed: a stale-while-refreshing read has nobody waiting for it
                }
            }
        }
    }

    /// <summary>
    /// Keeps what the database said at <paramref name="checkedAt"/> and returns the session's state now (null if closed —
    /// also when a sign-out closed it while the read was running). Unchanged (the common case): the entry is confirmed in
    /// place. Replacing it would make 10,000 sessions' entries garbage every pass, each a few seconds old — the mid-life
    /// objects a generational GC handles worst. An entry closed or replaced meanwhile is no longer in the dictionary:
    /// confirming it changes nothing.
    /// </summary>
    private SessionState? Apply(string sessionId, SessionState? state, DateTimeOffset checkedAt, DateTimeOffset lastUsed)
    {
        if (state is not null && _entries.TryGetValue(sessionId, out var e) && state == e.State)
        {
            e.Confirm(checkedAt);
            if (lastUsed > e.LastUsed) e.LastUsed = lastUsed;
            return e.State;
        }
        Store(sessionId, state, checkedAt, lastUsed);
        return _entries.TryGetValue(sessionId, out var kept) && kept.Closed ? null : state;
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

        /// <summary>The database still says <see cref="State"/> at <paramref name="checkedAt"/> (an older confirmation than the one kept changes nothing).</summary>
        public void Confirm(DateTimeOffset checkedAt)
        {
            if (checkedAt.UtcTicks > Volatile.Read(ref _checkedAtTicks)) Volatile.Write(ref _checkedAtTicks, checkedAt.UtcTicks);
        }
    }
}
