using System.Diagnostics;
using CertPlatform.Web.Infrastructure.Telemetry;

namespace CertPlatform.Web.Infrastructure;

/// <summary>
/// A turn at <see cref="SqliteWriteGate"/>; disposing it lets the next writer in (a default pass holds nothing) and records how
/// long the turn was held.
/// </summary>
public readonly struct SqliteWritePass(SemaphoreSlim? writer, CertPlatformMetrics? metrics = null, string? name = null, long entered = 0) : IDisposable
{
    public void Dispose()
    {
        if (writer is null) return;
        writer.Release();
        metrics?.SqliteWriteHold.Record(Stopwatch.GetElapsedTime(entered).TotalSeconds, new KeyValuePair<string, object?>("writer", name));
    }
}
