using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace CertPlatform.Web.Infrastructure.Cluster;

/// <summary>
/// PostgreSQL session-level advisory locks (<c>pg_try_advisory_lock</c> / <c>pg_advisory_lock</c>) on a connection of
/// their own, held while the work runs and released before the connection goes back to the pool. If the instance dies,
/// PostgreSQL ends its session and the lock is free again: no lease to expire, no stale owner.
/// </summary>
public sealed class PostgresAdvisoryLock(string connectionString, ILogger<PostgresAdvisoryLock> log) : IClusterLock
{
    public async Task<bool> TryRunAsync(string name, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var key = Key(name);
        if (!await ScalarAsync<bool>(connection, "SELECT pg_try_advisory_lock(@k)", key, ct))
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
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var key = Key(name);
        // No command timeout: the wait lasts as long as the holder's work (another instance migrating and seeding a
        // new database can take minutes on a busy machine); only the token ends it.
        await ScalarAsync<object>(connection, "SELECT pg_advisory_lock(@k)", key, ct, timeoutSeconds: 0);
        try { await work(ct); }
        finally { await UnlockAsync(connection, key); }
    }

    /// <summary>The lock's 64-bit key: the first 8 bytes of the name's SHA-256 (stable across processes and versions).</summary>
    public static long Key(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("certplatform:" + name)), 0);

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
