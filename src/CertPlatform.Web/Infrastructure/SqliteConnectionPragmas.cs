namespace CertPlatform.Web.Infrastructure;

/// <summary>
/// Settings every EF connection to the SQLite file gets when it opens (they are per connection, not per file):
/// <list type="bullet">
/// <item><c>busy_timeout</c>: lets SQLite itself wait for the write lock (retrying within milliseconds) instead of
/// Microsoft.Data.Sqlite's own retry, which sleeps 150 ms per SQLITE_BUSY: under a start or submit storm those
/// sleeps left the lock idle while requests queued (bench/RESULTS.md, exam engine load).</item>
/// <item>While the background checkpointer runs (<see cref="SqliteCheckpointer"/>, <c>Database:Checkpoint:Background</c>):
/// <c>wal_autocheckpoint = 0</c>, so a committing writer never copies the write-ahead log into the database file
/// inline (the autosave writer did so every ~1,000 pages while holding the write gate), and <c>journal_size_limit</c>,
/// so the log file is cut back to the limit when it restarts. Otherwise — no checkpointer configured, or a tool that
/// uses the database without the site's background services — SQLite's own automatic checkpoint, every 1,000 pages.</item>
/// </list>
/// </summary>
public sealed class SqliteConnectionPragmas(long walLimitBytes) : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    private const string BusyTimeout = "PRAGMA busy_timeout = 30000;";
    private const string InlineCheckpoints = BusyTimeout + " PRAGMA wal_autocheckpoint = 1000; PRAGMA journal_size_limit = -1;";
    private readonly string _backgroundCheckpoints = $"{BusyTimeout} PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = {walLimitBytes};";
    private volatile bool _background;

    /// <summary>Connections opened from now on leave checkpoints to the background service (true) or run SQLite's own (false).</summary>
    public bool BackgroundCheckpoints
    {
        get => _background;
        set => _background = value;
    }

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _background ? _backgroundCheckpoints : InlineCheckpoints;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _background ? _backgroundCheckpoints : InlineCheckpoints;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
