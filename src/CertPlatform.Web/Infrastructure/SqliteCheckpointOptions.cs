namespace CertPlatform.Web.Infrastructure;

/// <summary>
/// Configuration section <c>Database:Checkpoint</c> (SQLite only): how the write-ahead log is copied back into the
/// database file. See <see cref="SqliteCheckpointer"/> and docs/deploy.md.
/// </summary>
public sealed class SqliteCheckpointOptions
{
    public const string Section = "Database:Checkpoint";

    /// <summary>
    /// True: a background service checkpoints and the app's connections never do it inline. False (default until a quiet
    /// 10,000-trainee A/B shows the background mode shortens the autosave tail — bench/RESULTS.md, "The steady autosave
    /// tail"): SQLite's own automatic checkpoint, run by whichever writer commits the 1,000th page of log.
    /// </summary>
    public bool Background { get; set; }

    /// <summary>Time between background passes (50–60,000 ms).</summary>
    public int IntervalMilliseconds { get; set; } = 500;

    /// <summary>
    /// The log's bound (1–4,096 MB): when it holds more, the checkpointer finishes a pass at the write gate so the next
    /// write restarts the log from its beginning, and the file is cut back to this size at that restart.
    /// </summary>
    public int WalLimitMegabytes { get; set; } = 32;

    public long WalLimitBytes => WalLimitMegabytes * 1024L * 1024L;

    /// <summary>The first setting out of range, as a message naming its configuration key; null when all are usable.</summary>
    public string? FirstProblem()
    {
        if (IntervalMilliseconds is < 50 or > 60_000)
            return $"{Section}:{nameof(IntervalMilliseconds)} is {IntervalMilliseconds}: it must be 50–60000";
        if (WalLimitMegabytes is < 1 or > 4096)
            return $"{Section}:{nameof(WalLimitMegabytes)} is {WalLimitMegabytes}: it must be 1–4096";
        return null;
    }
}
