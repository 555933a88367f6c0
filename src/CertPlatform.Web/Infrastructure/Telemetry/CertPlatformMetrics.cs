using System.Diagnostics.Metrics;

namespace CertPlatform.Web.Infrastructure.Telemetry;

/// <summary>
/// The platform's own instruments (meter "CertPlatform"), exported with the HTTP and runtime metrics at
/// <see cref="MetricsOptions.Path"/>. Features record through this one object; gauges read their value
/// from a callback registered by the feature that owns it.
/// </summary>
public sealed class CertPlatformMetrics : IDisposable
{
    public const string MeterName = "CertPlatform";
    private readonly Meter _meter;

    public CertPlatformMetrics(IMeterFactory factory)
    {
        _meter = factory.Create(MeterName);
        AutosaveDuration = _meter.CreateHistogram<double>("certplatform.autosave.duration", "ms",
            "Time from receiving an answer to its acknowledgement (durable commit included).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] });
        WriterBatchSize = _meter.CreateHistogram<int>("certplatform.autosave.batch_size", "{answer}",
            "Answers written per transaction by the autosave writer.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512] });
        // Seconds, so the exporter names them certplatform_sqlite_write_{wait,hold}_seconds; tagged writer (autosave, start, finish…).
        double[] gateBuckets = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30];
        SqliteWriteWait = _meter.CreateHistogram<double>("certplatform.sqlite.write_wait", "s",
            "Time a writer waited for its turn at SQLite's single writer (the write gate), tagged writer.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = gateBuckets });
        SqliteWriteHold = _meter.CreateHistogram<double>("certplatform.sqlite.write_hold", "s",
            "Time a writer held SQLite's single writer (the write gate) for one pass, commit included, tagged writer.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = gateBuckets });
        FinishBatchSize = _meter.CreateHistogram<int>("certplatform.finish.batch_size", "{attempt}",
            "Attempts finished per write transaction by the SQLite finish writer (group commit).",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64] });
        CertificatesIssued = _meter.CreateCounter<long>("certplatform.certificates.issued", "{certificate}", "Certificates issued.");
        Checkpoints = _meter.CreateCounter<long>("certplatform.sqlite.checkpoints", "{checkpoint}",
            "Passes of the SQLite background checkpointer (tag mode: passive, gated, truncate, final).");
        CheckpointPages = _meter.CreateCounter<long>("certplatform.sqlite.checkpoint.pages", "{page}",
            "Pages of the SQLite write-ahead log copied into the database file by the background checkpointer.");
        CheckpointDuration = _meter.CreateHistogram<double>("certplatform.sqlite.checkpoint.duration", "ms",
            "Duration of one pass of the SQLite background checkpointer (the wait for the write gate included).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] });
        DatabaseOverloaded = _meter.CreateCounter<long>(DatabaseOverloadedName, "{failure}",
            "Requests answered 503 because the database was overloaded (connection pool exhausted, timeout, SQLite busy) or unreachable.");
    }

    public const string DatabaseOverloadedName = "certplatform.database.overloaded";

    public Histogram<double> AutosaveDuration { get; }
    public Histogram<int> WriterBatchSize { get; }
    public Histogram<double> SqliteWriteWait { get; }
    public Histogram<double> SqliteWriteHold { get; }
    public Histogram<int> FinishBatchSize { get; }
    public Counter<long> CertificatesIssued { get; }
    /// <summary>Recorded by <see cref="SqliteCheckpointer"/>, tagged <c>mode</c>.</summary>
    public Counter<long> Checkpoints { get; }
    public Counter<long> CheckpointPages { get; }
    public Histogram<double> CheckpointDuration { get; }
    /// <summary>Tagged <c>reason</c> (<see cref="DatabaseOverload.Reason"/>); recorded by <see cref="DatabaseOverloadResponses"/>.</summary>
    public Counter<long> DatabaseOverloaded { get; }

    /// <summary>A gauge whose value the owning feature supplies (e.g. the writer's queue depth).</summary>
    public ObservableGauge<long> Gauge(string name, string unit, string description, Func<long> read) =>
        _meter.CreateObservableGauge(name, read, unit, description);

    public void Dispose() => _meter.Dispose();
}
