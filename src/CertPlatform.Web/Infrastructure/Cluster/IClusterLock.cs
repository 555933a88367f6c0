namespace CertPlatform.Web.Infrastructure.Cluster;

/// <summary>
/// A named lock shared by every instance of the site. On PostgreSQL (several instances behind a load balancer) it is
/// a session-level advisory lock (<see cref="PostgresAdvisoryLock"/>); on SQLite, where only one instance runs, a lock
/// inside this process (<see cref="InProcessLock"/>). Background loops run each round under it, so with N instances
/// one instance does the round and the others skip it; the rows they touch are still claimed with conditional updates,
/// so correctness never depends on the lock alone.
/// </summary>
public interface IClusterLock
{
    /// <summary>Runs <paramref name="work"/> if no instance holds <paramref name="name"/>; false (nothing run) when one does.</summary>
    Task<bool> TryRunAsync(string name, Func<CancellationToken, Task> work, CancellationToken ct);

    /// <summary>Waits for <paramref name="name"/>, then runs <paramref name="work"/> (start-up steps every instance must do one after another).</summary>
    Task RunAsync(string name, Func<CancellationToken, Task> work, CancellationToken ct);
}
