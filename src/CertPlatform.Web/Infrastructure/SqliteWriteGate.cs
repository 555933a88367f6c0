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
/// </summary>
public sealed class SqliteWriteGate
{
    /// <summary>As long as SQLite's own busy timeout (<see cref="SqliteConnectionPragmas"/>).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>The gate for databases that take several writers (PostgreSQL): entering never waits.</summary>
    public static readonly SqliteWriteGate Open = new(oneWriter: false);

    private readonly SemaphoreSlim? _writer;
    private readonly TimeSpan _patience;

    public SqliteWriteGate(bool oneWriter, TimeSpan? patience = null)
    {
        _writer = oneWriter ? new SemaphoreSlim(1, 1) : null;
        _patience = patience ?? Patience;
    }

    /// <summary>Waits for this process's turn to write; dispose the pass when the write has committed or failed.</summary>
    public async ValueTask<SqliteWritePass> EnterAsync(CancellationToken ct)
    {
        if (_writer is null) return default;
        return await _writer.WaitAsync(_patience, ct) ? new SqliteWritePass(_writer) : default;
    }
}
