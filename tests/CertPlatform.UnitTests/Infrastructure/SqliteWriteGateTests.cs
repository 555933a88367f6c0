using System.Diagnostics.Metrics;
using CertPlatform.Web.Infrastructure;
using CertPlatform.Web.Infrastructure.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace CertPlatform.UnitTests.Infrastructure;

public sealed class SqliteWriteGateTests
{
    [Fact]
    public async Task A_second_writer_waits_until_the_first_pass_is_disposed_and_then_enters_at_once()
    {
        var gate = new SqliteWriteGate(oneWriter: true);
        var first = await gate.EnterAsync(CancellationToken.None);
        var second = gate.EnterAsync(CancellationToken.None).AsTask();
        await Task.Delay(100);
        Assert.False(second.IsCompleted);

        first.Dispose();
        var entered = await Task.WhenAny(second, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.Same(second, entered);
        (await second).Dispose();

        // Free again: a third writer does not wait.
        var third = gate.EnterAsync(CancellationToken.None);
        Assert.True(third.IsCompleted);
        (await third).Dispose();
    }

    [Fact]
    public async Task Writers_are_let_in_in_the_order_they_arrived()
    {
        var gate = new SqliteWriteGate(oneWriter: true);
        var order = new List<int>();
        var holder = await gate.EnterAsync(CancellationToken.None);
        // Each call runs synchronously up to its first wait, so the five writers queue in the order 1…5 — no timing involved.
        var waiting = Enumerable.Range(1, 5).Select(async i =>
        {
            using (await gate.EnterAsync(CancellationToken.None))
            {
                lock (order) order.Add(i);
                await Task.Delay(5);
            }
        }).ToList();
        Assert.Empty(order);
        holder.Dispose();
        await Task.WhenAll(waiting);
        Assert.Equal([1, 2, 3, 4, 5], order);
    }

    [Fact]
    public async Task The_open_gate_of_a_database_with_several_writers_never_waits()
    {
        var a = await SqliteWriteGate.Open.EnterAsync(CancellationToken.None);
        var b = SqliteWriteGate.Open.EnterAsync(CancellationToken.None);
        Assert.True(b.IsCompleted);
        a.Dispose();
        (await b).Dispose();
    }

    [Fact]
    public async Task A_writer_that_waits_longer_than_its_patience_goes_on_without_the_gate()
    {
        var gate = new SqliteWriteGate(oneWriter: true, patience: TimeSpan.FromMilliseconds(200));
        var stuck = await gate.EnterAsync(CancellationToken.None);
        var late = await gate.EnterAsync(CancellationToken.None); // returns after the patience, holding nothing
        late.Dispose(); // must not release the stuck writer's turn
        var next = gate.EnterAsync(CancellationToken.None).AsTask();
        await Task.Delay(100);
        Assert.False(next.IsCompleted);
        stuck.Dispose();
        (await next).Dispose();
    }

    [Fact]
    public async Task A_cancelled_wait_throws_and_leaves_the_gate_to_its_holder()
    {
        var gate = new SqliteWriteGate(oneWriter: true);
        var holder = await gate.EnterAsync(CancellationToken.None);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await gate.EnterAsync(cts.Token));
        holder.Dispose();
        var again = gate.EnterAsync(CancellationToken.None);
        Assert.True(again.IsCompleted);
        (await again).Dispose();
    }

    [Fact]
    public async Task Each_pass_records_its_wait_and_its_hold_under_its_writers_name()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var metrics = new CertPlatformMetrics(services.GetRequiredService<IMeterFactory>());
        var recorded = new List<(string Instrument, double Seconds, string? Writer)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (i, l) =>
        {
            if (ReferenceEquals(i, metrics.SqliteWriteWait) || ReferenceEquals(i, metrics.SqliteWriteHold)) l.EnableMeasurementEvents(i);
        };
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) =>
        {
            string? writer = null;
            foreach (var t in tags) if (t.Key == "writer") writer = t.Value as string;
            lock (recorded) recorded.Add((i.Name, value, writer));
        });
        listener.Start();
        var gate = new SqliteWriteGate(oneWriter: true, metrics: metrics);

        var holder = await gate.EnterAsync("autosave", CancellationToken.None);
        var waiting = gate.EnterAsync("finish", CancellationToken.None).AsTask();
        await Task.Delay(150);
        holder.Dispose();
        var finish = await waiting;
        await Task.Delay(50);
        finish.Dispose();

        lock (recorded)
        {
            Assert.Equal(4, recorded.Count);
            Assert.Contains(recorded, r => r is { Instrument: "certplatform.sqlite.write_wait", Writer: "autosave" } && r.Seconds < 0.1);
            Assert.Contains(recorded, r => r is { Instrument: "certplatform.sqlite.write_hold", Writer: "autosave" } && r.Seconds >= 0.14);
            Assert.Contains(recorded, r => r is { Instrument: "certplatform.sqlite.write_wait", Writer: "finish" } && r.Seconds >= 0.14);
            Assert.Contains(recorded, r => r is { Instrument: "certplatform.sqlite.write_hold", Writer: "finish" } && r.Seconds >= 0.04);
        }
    }
}
