using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure.Cluster;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CertPlatform.IntegrationTests.Features.Cluster;

/// <summary>
/// The app's pool skips Npgsql's reset (<c>No Reset On Close</c>), so nothing may go back to a pool holding session
/// state. The one session state the app creates is the cluster lock's advisory lock: a round that fails, and a wait that
/// is cancelled, leave no advisory lock held by any connection — checked in <c>pg_locks</c> from another session while
/// the lock's connection is back in its pool, still connected.
/// </summary>
public sealed class AdvisoryLockPoolTests(PostgresDatabase pg) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task The_app_context_uses_a_pool_that_skips_the_reset()
    {
        var connectionString = await pg.Factory.ScopedAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        Assert.True(new NpgsqlConnectionStringBuilder(connectionString).NoResetOnClose);
        Assert.False(new NpgsqlConnectionStringBuilder(pg.ConnectionString).NoResetOnClose); // the test's own string does not say it
    }

    [Fact]
    public async Task A_round_that_fails_returns_its_connection_to_the_pool_without_the_lock()
    {
        var cluster = pg.Factory.Services.GetRequiredService<IClusterLock>();
        const string name = "test.pool-failing-round";
        await using var control = await OpenAsync();
        var holder = 0;
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => cluster.TryRunAsync(name, async _ =>
        {
            holder = await HolderAsync(control, name) ?? throw new InvalidOperationException("the lock is not held while the work runs");
            throw new InvalidOperationException("the round failed");
        }, CancellationToken.None));
        Assert.Equal("the round failed", failure.Message);

        // The holder's session is still there (pooled, not closed), and no session holds the lock.
        Assert.Equal(1L, await ScalarAsync(control, "SELECT count(*) FROM pg_stat_activity WHERE pid = @p", holder));
        Assert.Equal(0L, await LocksAsync(control, name, ""));
        Assert.True(await cluster.TryRunAsync(name, _ => Task.CompletedTask, CancellationToken.None));
    }

    [Fact]
    public async Task A_wait_that_is_cancelled_leaves_the_lock_to_others()
    {
        var cluster = pg.Factory.Services.GetRequiredService<IClusterLock>();
        const string name = "test.pool-cancelled-wait";
        await using var control = await OpenAsync();
        await ScalarAsync(control, "SELECT count(*) FROM (SELECT pg_advisory_lock(@p)) l", PostgresAdvisoryLock.Key(name));
        using var cancel = new CancellationTokenSource();
        var ran = false;
        var waiting = cluster.RunAsync(name, _ => { ran = true; return Task.CompletedTask; }, cancel.Token);
        // The waiter is blocked in PostgreSQL: its request shows in pg_locks, not granted.
        while (!waiting.IsCompleted && await LocksAsync(control, name, "AND NOT granted") == 0)
            await Task.Delay(50);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        await ScalarAsync(control, "SELECT pg_advisory_unlock(@p)::int", PostgresAdvisoryLock.Key(name));
        Assert.False(ran);
        Assert.Equal(0L, await LocksAsync(control, name, "")); // neither granted to the waiter later nor still asked for
        Assert.True(await cluster.TryRunAsync(name, _ => Task.CompletedTask, CancellationToken.None));
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(pg.ConnectionString) { Pooling = false }.ConnectionString);
        await c.OpenAsync();
        return c;
    }

    /// <summary>The backend holding the advisory lock of <paramref name="name"/> (key split as pg_locks shows it), if any.</summary>
    private static async Task<int?> HolderAsync(NpgsqlConnection c, string name)
    {
        var key = PostgresAdvisoryLock.Key(name);
        await using var cmd = new NpgsqlCommand(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid::bigint = @hi AND objid::bigint = @lo AND objsubid = 1", c);
        cmd.Parameters.AddWithValue("hi", (long)(uint)(key >> 32));
        cmd.Parameters.AddWithValue("lo", (long)(uint)key);
        return await cmd.ExecuteScalarAsync() is int pid ? pid : null;
    }

    /// <summary>Advisory locks of <paramref name="name"/>'s key held or asked for (<paramref name="condition"/>) by other sessions.</summary>
    private static async Task<long> LocksAsync(NpgsqlConnection c, string name, string condition)
    {
        var key = PostgresAdvisoryLock.Key(name);
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid() " +
            $"AND classid::bigint = @hi AND objid::bigint = @lo AND objsubid = 1 {condition}", c);
        cmd.Parameters.AddWithValue("hi", (long)(uint)(key >> 32));
        cmd.Parameters.AddWithValue("lo", (long)(uint)key);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection c, string sql, long p)
    {
        await using var cmd = new NpgsqlCommand(sql, c);
        cmd.Parameters.AddWithValue("p", p);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }
}
