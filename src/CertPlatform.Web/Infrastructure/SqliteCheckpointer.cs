using System.Diagnostics;
using Microsoft.Data.Sqlite;
using CertPlatform.Web.Infrastructure.Telemetry;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Infrastructure;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file in the background (<c>Database:Checkpoint</c>).
/// SQLite's automatic checkpoint runs inside the commit of whichever writer adds the 1,000th page of log — during
/// steady autosave at 10,000 trainees that was the autosave writer, several times a second, holding the
/// <see cref="SqliteWriteGate"/> while it copied and synced the pages, and every save queued behind it
/// (bench/RESULTS.md, "The steady autosave tail"). With this service the app's connections never checkpoint
/// (<see cref="SqliteConnectionPragmas"/>); each pass here runs a PASSIVE checkpoint on its own connection, which
/// takes no write lock: commits go on while it copies. Durability is unchanged — a commit is on disk in the log
/// (synchronous=FULL) whether or not it has been copied, and after a crash SQLite replays the log.
/// <para>The bound: a log only starts again from its beginning when a writer finds it fully copied, which under
/// steady writes hardly happens while copies run alongside. So when the log holds more than
/// <see cref="SqliteCheckpointOptions.WalLimitMegabytes"/>, the pass copies what it can outside the gate, then copies the
/// remainder (what was committed meanwhile: little) holding the gate, so no hot writer appends in between and the
/// next write restarts the log; <c>journal_size_limit</c> then cuts the file back to the limit. A reader that keeps
/// an old snapshot open keeps the log from restarting (as with SQLite's own checkpoints); the pass logs a warning
/// once the log is four times over its limit. When nothing was written since the previous pass and everything is
/// copied, the log file is truncated to zero (TRUNCATE), so an idle site leaves no large log behind.</para>
/// <para>Each pass is counted in <see cref="CertPlatformMetrics.Checkpoints"/> (tag <c>mode</c>), with the pages it copied
/// and its duration (bench/stall-timeline.py lines them up with the load driver's slow seconds).</para>
/// </summary>
public sealed class SqliteCheckpointer(string connectionString, SqliteConnectionPragmas pragmas, SqliteWriteGate gate,
    IOptions<SqliteCheckpointOptions> options, TimeProvider clock, ILogger<SqliteCheckpointer> log, CertPlatformMetrics? metrics = null)
    : BackgroundService
{
    /// <summary>Passes outside the gate before the gated one, each copying what was committed during the previous one.</summary>
    private const int CatchUpPasses = 4;
    /// <summary>A remainder this small (pages) is copied at the gate at once.</summary>
    private const long SmallRemainder = 64;

    /// <summary>One pass at a time (the loop's, a test's, the final one on stop): whoever holds it uses the connection.</summary>
    private readonly SemaphoreSlim _pass = new(1, 1);
    /// <summary>Guards <see cref="_connection"/> and <see cref="_disposed"/>: the connection is taken out of the field and
    /// put back under it, so a pass and <see cref="Dispose"/> never both hold it — whoever takes it owns it.</summary>
    private readonly Lock _sync = new();
    private SqliteConnection? _connection;
    private bool _disposed;
    private long _limitPages;
    private long _previousLog = -1;
    private long _previousCopied = -1;
    private bool _warned;

    /// <summary>Pages in the log after the last pass (−1 before the first, or when the file is not in WAL mode).</summary>
    public long WalPages { get; private set; } = -1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(options.Value.IntervalMilliseconds);
        pragmas.BackgroundCheckpoints = true; // before the first await: the features' connections open after this service started
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // A failed pass never stops the site (a background service's exception would): SQLite's log only grows meanwhile.
                try { await RunOnceAsync(stoppingToken); }
                catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "SQLite checkpoint pass failed; the next pass retries"); }
                await Task.Delay(interval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>On an orderly stop (after the autosave writer drained: it stops first), copies everything and empties the log file.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            // Waits for a pass still running (the host's shutdown time may run out before the loop ends: then this gives
            // up too). The connection is then taken out of its field, so a Dispose meanwhile leaves it to this checkpoint,
            // which closes it afterwards if the service was disposed in between.
            if (!_pass.Wait(0)) await _pass.WaitAsync(cancellationToken);
            try
            {
                var connection = Take();
                if (connection is not null)
                {
                    try
                    {
                        var started = Stopwatch.GetTimestamp();
                        using (await gate.EnterAsync("checkpoint", CancellationToken.None)) await CheckpointAsync(connection, "TRUNCATE", CancellationToken.None);
                        Record("final", 0, started);
                    }
                    finally { PutBack(connection); }
                }
            }
            finally { _pass.Release(); }
        }
        catch (OperationCanceledException) { } // the host stopped waiting: the next start replays the log
        catch (SqliteException e)
        {
            log.LogWarning(e, "The final SQLite checkpoint failed; the next start replays the log");
        }
        pragmas.BackgroundCheckpoints = false;
    }

    /// <summary>Closes the connection now if no pass holds it; otherwise the pass that holds it closes it when it ends.</summary>
    public override void Dispose()
    {
        SqliteConnection? idle;
        lock (_sync)
        {
            _disposed = true;
            idle = _connection;
            _connection = null;
        }
        idle?.Dispose();
        base.Dispose();
    }

    /// <summary>Takes the connection out of its field (null when none is open, or after <see cref="Dispose"/>).</summary>
    private SqliteConnection? Take()
    {
        lock (_sync)
        {
            var connection = _connection;
            _connection = null;
            return connection;
        }
    }

    /// <summary>Puts a taken (or newly opened) connection back, or closes it when the service was disposed meanwhile.</summary>
    private void PutBack(SqliteConnection connection)
    {
        lock (_sync)
        {
            if (!_disposed)
            {
                _connection = connection;
                return;
            }
        }
        connection.Dispose();
    }

    /// <summary>One pass: copy what is new; at the gate when the log is over its limit; truncate the file when idle.</summary>
    public async Task RunOnceAsync(CancellationToken ct)
    {
        await _pass.WaitAsync(ct);
        try
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            var connection = Take() ?? await OpenAsync(ct);
            try { await RunOnceAsync(connection, ct); }
            finally { PutBack(connection); }
        }
        finally { _pass.Release(); }
    }

    private bool IsDisposed { get { lock (_sync) return _disposed; } }

    private async Task RunOnceAsync(SqliteConnection connection, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var (logPages, copied) = await CheckpointAsync(connection, "PASSIVE", ct);
        if (logPages < 0) { WalPages = logPages; return; } // not (yet) in WAL mode
        var mode = "passive";
        if (logPages >= _limitPages)
        {
            // Over the limit: catch up outside the gate while each pass still copies much, then finish at the gate.
            var before = copied;
            for (var i = 0; i < CatchUpPasses; i++)
            {
                (logPages, copied) = await CheckpointAsync(connection, "PASSIVE", ct);
                if (copied - before <= SmallRemainder) break;
                before = copied;
            }
            using (await gate.EnterAsync("checkpoint", ct)) (logPages, copied) = await CheckpointAsync(connection, "PASSIVE", ct);
            mode = "gated";
        }
        else if (logPages > 0 && logPages == copied && logPages == _previousLog)
        {
            // Nothing written for a whole interval and everything copied: give the file back. TRUNCATE takes the write
            // lock for a moment, so it queues at the gate like the hot writers rather than making them wait in SQLite.
            using (await gate.EnterAsync("checkpoint", ct)) (logPages, copied) = await CheckpointAsync(connection, "TRUNCATE", ct);
            mode = "truncate";
        }
        // Pages this pass copied: the log's copied count grows until the log restarts (then it counts from zero again).
        var copiedNow = logPages < _previousLog || _previousCopied < 0 ? copied : Math.Max(0, copied - _previousCopied);
        _previousCopied = copied;
        Record(mode, copiedNow, started);
        _previousLog = logPages;
        WalPages = logPages;
        if (logPages >= 4 * _limitPages && !_warned)
        {
            _warned = true;
            log.LogWarning("The SQLite log holds {Pages} pages, over four times its limit of {Limit}: a long-running reader keeps it from restarting",
                logPages, _limitPages);
        }
        else if (logPages < _limitPages) _warned = false;
        if (log.IsEnabled(LogLevel.Debug))
            log.LogDebug("SQLite checkpoint ({Mode}): {Copied} of {Pages} log pages copied in {Ms:0.0} ms",
                mode, copied, logPages, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private void Record(string mode, long pages, long started)
    {
        if (metrics is null) return;
        var tag = new KeyValuePair<string, object?>("mode", mode);
        metrics.Checkpoints.Add(1, tag);
        if (pages > 0) metrics.CheckpointPages.Add(pages, tag);
        metrics.CheckpointDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tag);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        // Its own, unpooled connection: the short busy timeout below must not reach the app's connections.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        try
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            // A TRUNCATE waits for readers in SQLite's busy handler: briefly, it is only tidying up.
            command.CommandText = "PRAGMA busy_timeout = 100;";
            await command.ExecuteNonQueryAsync(ct);
            command.CommandText = "PRAGMA page_size;";
            var pageSize = Convert.ToInt64(await command.ExecuteScalarAsync(ct) ?? 4096L, System.Globalization.CultureInfo.InvariantCulture);
            _limitPages = Math.Max(1, options.Value.WalLimitBytes / Math.Max(512, pageSize));
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <c>PRAGMA wal_checkpoint(MODE)</c>: (pages in the log, pages copied to the database file); (−1, −1) outside WAL mode.</summary>
    private static async Task<(long Log, long Copied)> CheckpointAsync(SqliteConnection connection, string mode, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode});";
        await using var row = await command.ExecuteReaderAsync(ct);
        return await row.ReadAsync(ct) ? (row.GetInt64(1), row.GetInt64(2)) : (-1, -1);
    }
}
