using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace CertPlatform.Web.Infrastructure.Cluster;

/// <summary>
/// PostgreSQL session-level advisory locks (<c>pg_try_advisory_lock</c> / <c>pg_advisory_lock</c>) on a connection of
/// their own, held while the work runs and released before the connection goes back to the pool. If the instance dies,
/// PostgreSQL ends its session and the lock is free again: no lease to expire, no stale owner.
/// A session lock outlives the statement that took it, so a pooled connection must never go back to the pool holding
/// one (the next instance to try the lock would be refused until the pool closed that connection). Three things see to
/// that: the work's end always unlocks; a lock request that ends in an error or a cancellation — after which it is not
/// known whether the server granted the lock — and a failed unlock clear this class's pool (its connections are closed
/// instead of reused); and that pool is separate from the app's (<see cref="ConnectionString"/>), so clearing it costs the
/// app nothing, and it keeps Npgsql's reset even though the app's own pool skips it
/// (<see cref="DatabaseSetup.PostgresConnectionString"/>). Npgsql sends that reset (<c>DISCARD ALL</c>, which includes
/// <c>pg_advisory_unlock_all</c>) ahead of a pooled connection's next command, not when it is returned, so it is only a
/// second line: the first two are what leave no lock on an idle connection.
/// </summary>
public sealed class PostgresAdvisoryLock(string connectionString, ILogger<PostgresAdvisoryLock> log) : IClusterLock
{
    private readonly string _connectionString = ConnectionString(connectionString);

    /// <summary>
    /// The lock's connections: the configured string with <c>No Reset On Close=false</c> (whatever the operator set for
    /// the app), which also makes it a pool of its own (Npgsql pools by connection string).
    /// </summary>
    public static string ConnectionString(string configured) => new NpgsqlConnectionStringBuilder(configured) { NoResetOnClose = false }.ConnectionString;

    public async Task<bool> TryRunAsync(string name, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(ct);
        var key = Key(name);
        if (!await LockAsync<bool>(connection, "SELECT pg_try_advisory_lock(@k)", key, ct))
        {
            log.LogDebug("Lock {Name} is held by another instance; skipping this round", name);
            return false;
        }
        try { await work(ct); }
        finally { await UnlockAsync(connection, key); }
        return true;
    }

    public async Task RunAsync(string name, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(ct);
        var key = Key(name);
        // No command timeout: the wait lasts as long as the holder's work (another instance migrating and seeding a
        // new database can take minutes on a busy machine); only the token ends it.
        await LockAsync<object>(connection, "SELECT pg_advisory_lock(@k)", key, ct, timeoutSeconds: 0);
        try { await work(ct); }
        finally { await UnlockAsync(connection, key); }
    }

    /// <summary>The lock's 64-bit key: the first 8 bytes of the name's SHA-256 (stable across processes and versions).</summary>
    public static long Key(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("certplatform:" + name)), 0);

    /// <summary>
    /// Asks for the lock. If the request fails or is cancelled, the server may have granted it all the same (a cancel
    /// that arrives after the grant): the pool is cleared so this connection is closed, not reused with the lock held.
    /// </summary>
    private async Task<T> LockAsync<T>(NpgsqlConnection connection, string sql, long key, CancellationToken ct, int? timeoutSeconds = null)
    {
        try { return await ScalarAsync<T>(connection, sql, key, ct, timeoutSeconds); }
        catch
        {
            NpgsqlConnection.ClearPool(connection);
            throw;
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, long key, CancellationToken ct, int? timeoutSeconds = null)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (timeoutSeconds is { } seconds) command.CommandTimeout = seconds;
        command.Parameters.AddWithValue("k", key);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }

    private async Task UnlockAsync(NpgsqlConnection connection, long key)
    {
        // Never cancelled: a lock left on a pooled connection would block every other instance until the pool closed it.
        try { await ScalarAsync<bool>(connection, "SELECT pg_advisory_unlock(@k)", key, CancellationToken.None); }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            log.LogWarning(e, "Releasing advisory lock {Key} failed; clearing the connection from the pool", key);
            NpgsqlConnection.ClearPool(connection);
        }
    }
}
