using System.Diagnostics;
using CertPlatform.Web.Infrastructure.Telemetry;

namespace CertPlatform.Web.Infrastructure;

/// <summary>
/// SQLite lets one writer in at a time. A writer that finds the lock taken waits in SQLite's busy handler, which
/// sleeps (1, 2, 5 … 100 ms between tries), so during a storm the lock stood idle while the waiting writers slept:
/// a CPU profile of a submit storm showed finishing attempts spending about 85 % of their time asleep in
/// <c>BEGIN</c> and in the digest's insert (bench/RESULTS.md). The exam's hot writers — autosave batches, starting
/// and finishing attempts, attempt digests — queue here instead, in this process, and each is woken the moment
/// the one before it is done. On PostgreSQL (row locks, several instances) the gate is open and costs nothing.
/// Not re-entrant: enter it once per write, never inside another pass. A writer that waits longer than
/// its patience (<see cref="Patience"/>) goes on without it, so the database's own wait and error apply as before.
/// With <see cref="CertPlatformMetrics"/> each pass records, tagged with its writer's name, how long it waited for its turn
/// (<c>certplatform_sqlite_write_wait_seconds</c>) and how long it held the gate (<c>certplatform_sqlite_write_hold_seconds</c>):
/// the single writer's load, which bounds every write on one box.
/// </summary>
public sealed class SqliteWriteGate
{
    /// <summary>As long as SQLite's own busy timeout (<see cref="SqliteConnectionPragmas"/>).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>The gate for databases that take several writers (PostgreSQL): entering never waits.</summary>
    public static readonly SqliteWriteGate Open = new(oneWriter: false);

    /// <summary>The writer's name of a pass whose caller gave none.</summary>
    public const string UnnamedWriter = "other";

    private readonly SemaphoreSlim? _writer;
    private readonly TimeSpan _patience;
    private readonly CertPlatformMetrics? _metrics;

    public SqliteWriteGate(bool oneWriter, TimeSpan? patience = null, CertPlatformMetrics? metrics = null)
    {
        _writer = oneWriter ? new SemaphoreSlim(1, 1) : null;
        _patience = patience ?? Patience;
        _metrics = metrics;
    }

    /// <summary>Whether writers take turns here (SQLite); false for the open gate.</summary>
    public bool OneWriter => _writer is not null;

    /// <summary>Waits for this process's turn to write; dispose the pass when the write has committed or failed.</summary>
    public ValueTask<SqliteWritePass> EnterAsync(CancellationToken ct) => EnterAsync(UnnamedWriter, ct);

    /// <summary>As <see cref="EnterAsync(CancellationToken)"/>, the wait and the hold measured under <paramref name="writer"/>.</summary>
    public async ValueTask<SqliteWritePass> EnterAsync(string writer, CancellationToken ct)
    {
        if (_writer is null) return default;
        var arrived = Stopwatch.GetTimestamp();
        var entered = await _writer.WaitAsync(_patience, ct);
        var now = Stopwatch.GetTimestamp();
        _metrics?.SqliteWriteWait.Record(Stopwatch.GetElapsedTime(arrived, now).TotalSeconds, new KeyValuePair<string, object?>("writer", writer));
        return entered ? new SqliteWritePass(_writer, _metrics, writer, now) : default;
    }
}
