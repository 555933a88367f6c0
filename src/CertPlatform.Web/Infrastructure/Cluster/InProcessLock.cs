using System.Collections.Concurrent;

namespace CertPlatform.Web.Infrastructure.Cluster;

/// <summary>The SQLite lock: one instance only (SQLite is one file on one machine), so a lock in this process is enough.</summary>
public sealed class InProcessLock : IClusterLock, IDisposable
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<bool> TryRunAsync(string name, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(0, ct)) return false;
        try { await work(ct); }
        finally { gate.Release(); }
        return true;
    }

    public async Task RunAsync(string name, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try { await work(ct); }
        finally { gate.Release(); }
    }

    public void Dispose()
    {
        foreach (var gate in _locks.Values) gate.Dispose();
    }
}
