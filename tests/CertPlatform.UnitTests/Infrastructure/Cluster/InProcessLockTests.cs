using CertPlatform.Web.Infrastructure.Cluster;

namespace CertPlatform.UnitTests.Infrastructure.Cluster;

/// <summary>The single-instance (SQLite) lock: a round is skipped while another holds the name; waiting runs take turns.</summary>
public sealed class InProcessLockTests
{
    [Fact]
    public async Task A_held_name_skips_other_rounds_of_that_name_only_and_is_free_again_afterwards()
    {
        using var locks = new InProcessLock();
        var holding = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var first = locks.TryRunAsync("a", async _ => { holding.SetResult(); await release.Task; }, CancellationToken.None);
        await holding.Task;

        var ran = 0;
        Assert.False(await locks.TryRunAsync("a", _ => { ran++; return Task.CompletedTask; }, CancellationToken.None));
        Assert.True(await locks.TryRunAsync("b", _ => { ran++; return Task.CompletedTask; }, CancellationToken.None));
        Assert.Equal(1, ran);
        release.SetResult();
        Assert.True(await first);
        Assert.True(await locks.TryRunAsync("a", _ => { ran++; return Task.CompletedTask; }, CancellationToken.None));
        Assert.Equal(2, ran);
    }

    [Fact]
    public async Task Waiting_runs_never_overlap_and_a_failing_run_releases_the_name()
    {
        using var locks = new InProcessLock();
        var inside = 0;
        var maxInside = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => locks.RunAsync("init", async _ =>
        {
            var now = Interlocked.Increment(ref inside);
            lock (locks) maxInside = Math.Max(maxInside, now);
            await Task.Delay(5);
            Interlocked.Decrement(ref inside);
        }, CancellationToken.None))));
        Assert.Equal(1, maxInside);

        await Assert.ThrowsAsync<InvalidOperationException>(() => locks.TryRunAsync("init", _ => throw new InvalidOperationException("boom"), CancellationToken.None));
        Assert.True(await locks.TryRunAsync("init", _ => Task.CompletedTask, CancellationToken.None));
    }

    [Fact]
    public void Advisory_lock_keys_are_stable_and_distinct_per_name()
    {
        // Every instance (and every version of the app) must compute the same key for a name.
        Assert.Equal(PostgresAdvisoryLock.Key("exams.overdue"), PostgresAdvisoryLock.Key("exams.overdue"));
        Assert.NotEqual(PostgresAdvisoryLock.Key("exams.overdue"), PostgresAdvisoryLock.Key("certificates.missing"));
        Assert.Equal(BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData("certplatform:exams.overdue"u8.ToArray()), 0),
            PostgresAdvisoryLock.Key("exams.overdue"));
    }
}
