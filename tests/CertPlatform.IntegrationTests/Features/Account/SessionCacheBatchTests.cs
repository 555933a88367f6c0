using System.Security.Cryptography;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Account;
using CertPlatform.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CertPlatform.IntegrationTests.Features.Account;

/// <summary>
/// The reads a request needs (a session seen for the first time, a state past <see cref="SessionCache.StaleLimit"/>, a
/// fresh read) are coalesced: one read at a time, everything pending in one query of up to
/// <see cref="SessionCache.BatchSize"/> sessions. The app runs on a real SQLite file (and PostgreSQL where marked) with
/// <see cref="SessionQueryProbe"/> counting the session queries that reach the database and holding or failing one of
/// them; the caches under test are built here on the app's database with a clock of their own (as a second instance's
/// would be), the app's own clock stands still so its background pass never runs.
/// </summary>
public sealed class SessionCacheBatchTests : IDisposable
{
    private readonly SessionQueryProbe _probe = new();
    private readonly FakeTimeProvider _appClock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private PostgresDatabase? _postgres;
    private AppFactory? _factory;

    private AppFactory App(string provider = BothProviders.Sqlite)
    {
        if (_factory is not null) return _factory;
        if (provider == BothProviders.Postgres) _postgres = new PostgresDatabase();
        _factory = (_postgres?.Factory ?? new AppFactory()).WithServices(s =>
        {
            s.AddSingleton<TimeProvider>(_appClock);
            s.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(_probe));
            s.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(_probe));
        });
        _ = _factory.Services;
        return _factory;
    }

    private SessionCache NewCache(TimeProvider clock) => new(App().Services.GetRequiredService<IServiceScopeFactory>(), clock);

    /// <summary>A trainee with <paramref name="count"/> open sessions (rows written directly: one password hash in all).</summary>
    private async Task<(AppUser User, string[] Ids)> SessionsAsync(string email, int count)
    {
        var user = await App().CreateTraineeAsync(email);
        var ids = Enumerable.Range(0, count).Select(_ => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))).ToArray();
        await App().ScopedAsync(db =>
        {
            db.UserSessions.AddRange(ids.Select(id => new UserSession { Id = id, UserId = user.Id, CreatedAt = _appClock.GetUtcNow() }));
            return db.SaveChangesAsync();
        });
        return (user, ids);
    }

    private Task<string> ChangeStampAsync(string userId) => App().ScopedAsync(async db =>
    {
        var user = await db.Users.SingleAsync(u => u.Id == userId);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync();
        return user.SecurityStamp;
    });

    /// <summary>Holds session read number <paramref name="n"/> until the returned release is called; <c>Started</c> completes when it is reached.</summary>
    private (Task Started, Action Release) Hold(int n, Exception? thenFail = null)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var before = _probe.BeforeRead;
        _probe.BeforeRead = async i =>
        {
            if (before is not null) await before(i);
            if (i != n) return;
            started.TrySetResult();
            await release.Task;
            if (thenFail is not null) throw thenFail;
        };
        return (started.Task.WaitAsync(TimeSpan.FromSeconds(20)), () => release.TrySetResult());
    }

    /// <summary>
    /// Every session asked for twice at once, with the first read held until all the requests have joined: the reads are
    /// the first one plus one per <see cref="SessionCache.BatchSize"/> sessions — never one per request.
    /// </summary>
    private async Task<int> ReadsForConcurrentRequestsAsync(SessionCache cache, string[] ids, string userId)
    {
        _probe.Reset();
        var (started, release) = Hold(1);
        var requests = ids.Concat(ids).Select(id => cache.GetAsync(id, null, CancellationToken.None)).ToList();
        await started;
        release();
        var states = await Task.WhenAll(requests).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.All(states, s => Assert.Equal(userId, s?.UserId));
        return _probe.Reads;
    }

    [Theory]
    [InlineData(BothProviders.Sqlite)]
    [InlineData(BothProviders.Postgres)]
    public async Task Concurrent_requests_for_unknown_and_expired_sessions_share_one_query_per_batch(string provider)
    {
        App(provider);
        const int sessions = 1_200;
        var (user, ids) = await SessionsAsync("batched@example.com", sessions);
        var clock = new FakeTimeProvider(_appClock.GetUtcNow());
        var cache = NewCache(clock);
        var bound = (int)Math.Ceiling(sessions / (double)SessionCache.BatchSize) + 1;

        // 2,400 requests for 1,200 sessions this instance has not seen…
        var first = await ReadsForConcurrentRequestsAsync(cache, ids, user.Id);
        Assert.InRange(first, 1, bound);
        Assert.Equal(sessions, cache.Count);

        // …and again once every state is older than the stale limit (the background pass did not run): each must be read.
        clock.Advance(SessionCache.StaleLimit + TimeSpan.FromSeconds(1));
        var expired = await ReadsForConcurrentRequestsAsync(cache, ids, user.Id);
        Assert.InRange(expired, 1, bound);

        // Fresh now: the same requests cost nothing.
        _probe.Reset();
        foreach (var id in ids) Assert.NotNull(await cache.GetAsync(id, null, CancellationToken.None));
        Assert.Equal(0, _probe.Reads);
    }

    [Fact]
    public async Task A_state_past_the_lifetime_is_served_at_once_while_one_batched_read_refreshes_it()
    {
        var (user, ids) = await SessionsAsync("stale-served@example.com", 3);
        var clock = new FakeTimeProvider(_appClock.GetUtcNow());
        var cache = NewCache(clock);
        foreach (var id in ids) Assert.NotNull(await cache.GetAsync(id, null, CancellationToken.None));
        var oldStamp = (await cache.GetAsync(ids[0], null, CancellationToken.None))!.SecurityStamp;
        var newStamp = await ChangeStampAsync(user.Id);

        _probe.Reset();
        clock.Advance(SessionCache.Lifetime + TimeSpan.FromSeconds(1));
        // 30 requests: answered without waiting (completed synchronously), from the state read before the change.
        var served = Enumerable.Range(0, 30).Select(i => cache.GetAsync(ids[i % ids.Length], null, CancellationToken.None)).ToList();
        Assert.All(served, t => Assert.True(t.IsCompletedSuccessfully, "a request waited for a read although its state was within the stale limit"));
        Assert.All(served, t => Assert.Equal(oldStamp, t.Result!.SecurityStamp));

        // The reads they queued land without the background pass and without the clock moving.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var states = await Task.WhenAll(ids.Select(id => cache.GetAsync(id, null, CancellationToken.None)));
            if (states.All(s => s!.SecurityStamp == newStamp)) break;
            Assert.True(DateTime.UtcNow < deadline, "the queued refresh never landed");
            await Task.Delay(20);
        }
        // One read for the three sessions (two if the first request's read started before the others joined), not one per request.
        Assert.InRange(_probe.Reads, 1, 2);
    }

    /// <summary>
    /// Instance A (the app: its <see cref="UserSessions"/> and its cache) signs sessions out; instance B (a cache of its own on
    /// the same database, nothing refreshing it in the background) notices within <see cref="SessionCache.StaleLimit"/> —
    /// and not before the state is past it, unless a read was due anyway: a state exactly at the limit is still served.
    /// </summary>
    [Theory]
    [InlineData(BothProviders.Sqlite)]
    [InlineData(BothProviders.Postgres)]
    public async Task A_sign_out_is_immediate_on_its_instance_and_noticed_by_another_within_twice_the_lifetime(string provider)
    {
        App(provider);
        var (_, ids) = await SessionsAsync("signed-out-elsewhere@example.com", 2);
        var a = App().Services.GetRequiredService<SessionCache>();
        var b = NewCache(_appClock);
        foreach (var id in ids)
        {
            Assert.NotNull(await a.GetAsync(id, null, CancellationToken.None));
            Assert.NotNull(await b.GetAsync(id, null, CancellationToken.None));
        }

        using (var scope = App().Services.CreateScope())
            foreach (var id in ids) await scope.ServiceProvider.GetRequiredService<UserSessions>().CloseAsync(id);
        // On A at once, without a read.
        _probe.Reset();
        foreach (var id in ids) Assert.Null(await a.GetAsync(id, null, CancellationToken.None));
        Assert.Equal(0, _probe.Reads);

        // On B: at the stale limit the old answer may still be served (this is the documented bound)…
        _appClock.Advance(SessionCache.StaleLimit);
        Assert.NotNull(await b.GetAsync(ids[0], null, CancellationToken.None));
        // …past it the request waits for a read and is refused.
        _appClock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await b.GetAsync(ids[1], null, CancellationToken.None));
        // A closed session stays closed on both.
        _appClock.Advance(SessionCache.StaleLimit + TimeSpan.FromSeconds(1));
        foreach (var id in ids)
        {
            Assert.Null(await a.GetAsync(id, null, CancellationToken.None));
            Assert.Null(await b.GetAsync(id, null, CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_cookie_issued_after_the_state_was_read_waits_for_a_read_even_within_the_lifetime()
    {
        var (user, ids) = await SessionsAsync("issued-later@example.com", 1);
        var clock = new FakeTimeProvider(_appClock.GetUtcNow());
        var cache = NewCache(clock);
        var readAt = clock.GetUtcNow();
        Assert.NotNull(await cache.GetAsync(ids[0], null, CancellationToken.None));
        var newStamp = await ChangeStampAsync(user.Id);
        clock.Advance(TimeSpan.FromSeconds(2));

        _probe.Reset();
        // A cookie without a later issue time is answered from memory; one issued in the second after the read is not.
        Assert.NotEqual(newStamp, (await cache.GetAsync(ids[0], readAt - TimeSpan.FromSeconds(1), CancellationToken.None))!.SecurityStamp);
        Assert.Equal(0, _probe.Reads);
        Assert.Equal(newStamp, (await cache.GetAsync(ids[0], readAt, CancellationToken.None))!.SecurityStamp);
        Assert.Equal(1, _probe.Reads);
    }

    [Fact]
    public async Task A_waiter_that_gives_up_leaves_the_batch_it_joined_unharmed()
    {
        var (user, ids) = await SessionsAsync("cancelled-waiter@example.com", 3);
        var cache = NewCache(new FakeTimeProvider(_appClock.GetUtcNow()));
        _probe.Reset();
        var (firstStarted, releaseFirst) = Hold(1);
        var (secondStarted, releaseSecond) = Hold(2);

        var blocker = cache.ReadFreshAsync(ids[2], CancellationToken.None);
        await firstStarted;
        // These arrive while read 1 is in flight: they form the next batch.
        using var giveUp = new CancellationTokenSource();
        var cancelled = cache.GetAsync(ids[0], null, giveUp.Token);
        var sameSession = cache.GetAsync(ids[0], null, CancellationToken.None);
        var otherSession = cache.GetAsync(ids[1], null, CancellationToken.None);
        releaseFirst();
        await secondStarted;

        // Read 2 is running when the first waiter gives up: only that waiter ends, at once.
        giveUp.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.False(sameSession.IsCompleted);
        releaseSecond();
        Assert.Equal(user.Id, (await sameSession.WaitAsync(TimeSpan.FromSeconds(20)))?.UserId);
        Assert.Equal(user.Id, (await otherSession.WaitAsync(TimeSpan.FromSeconds(20)))?.UserId);
        Assert.Equal(user.Id, (await blocker)?.UserId);

        // The read was kept for the session whose first waiter left too.
        Assert.NotNull(await cache.GetAsync(ids[0], null, CancellationToken.None));
        Assert.Equal(2, _probe.Reads);
    }

    [Fact]
    public async Task A_failed_read_fails_the_waiters_of_its_batch_with_its_exception_and_the_next_batch_is_read()
    {
        var (user, ids) = await SessionsAsync("failed-batch@example.com", 5);
        var cache = NewCache(new FakeTimeProvider(_appClock.GetUtcNow()));
        _probe.Reset();
        var busy = new SqliteException("database is locked", 5);
        var (firstStarted, releaseFirst) = Hold(1);
        var (secondStarted, releaseSecond) = Hold(2, thenFail: busy);

        var blocker = cache.GetAsync(ids[0], null, CancellationToken.None);
        await firstStarted;
        var failing = new[] { cache.GetAsync(ids[1], null, CancellationToken.None), cache.ReadFreshAsync(ids[2], CancellationToken.None) };
        releaseFirst();
        await secondStarted;
        // While batch 2 is in flight, two more sessions join batch 3.
        var next = new[] { cache.GetAsync(ids[3], null, CancellationToken.None), cache.GetAsync(ids[4], null, CancellationToken.None) };
        releaseSecond();

        foreach (var f in failing)
        {
            var e = await Assert.ThrowsAnyAsync<Exception>(() => f.WaitAsync(TimeSpan.FromSeconds(20)));
            Assert.Equal(DatabaseOverload.Busy, DatabaseOverload.Reason(e)); // the 503 path's rule
        }
        Assert.All(await Task.WhenAll(next).WaitAsync(TimeSpan.FromSeconds(20)), s => Assert.Equal(user.Id, s?.UserId));
        Assert.Equal(user.Id, (await blocker)?.UserId);
        Assert.Equal(3, _probe.Reads);

        // Nothing was kept for the failed batch's sessions: the next request reads them.
        Assert.NotNull(await cache.GetAsync(ids[1], null, CancellationToken.None));
        Assert.Equal(4, _probe.Reads);
    }

    [Fact]
    public async Task A_sign_out_while_the_sessions_read_is_in_flight_is_final()
    {
        var (_, ids) = await SessionsAsync("closed-during-read@example.com", 1);
        var cache = NewCache(new FakeTimeProvider(_appClock.GetUtcNow()));
        _probe.Reset();
        var (started, release) = Hold(1);
        var reading = cache.GetAsync(ids[0], null, CancellationToken.None);
        await started;
        // The read has begun (it will find the row); the sign-out happens on this instance meanwhile.
        cache.Closed(ids[0]);
        Assert.Null(await cache.GetAsync(ids[0], null, CancellationToken.None));
        release();
        Assert.Null(await reading.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Null(await cache.ReadFreshAsync(ids[0], CancellationToken.None));
        Assert.Equal(2, _probe.Reads);
    }

    public void Dispose()
    {
        if (_postgres is not null) _postgres.Dispose();
        else _factory?.Dispose();
    }
}
