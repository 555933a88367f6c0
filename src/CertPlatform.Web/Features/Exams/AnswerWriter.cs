using System.Diagnostics;
using System.Threading.Channels;
using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;
using CertPlatform.Web.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Exams;

/// <summary>
/// The single writer behind autosave. Requests queue in a bounded channel; one loop takes whatever
/// is waiting (up to <see cref="MaxBatch"/>) and writes it in one transaction on one open
/// connection, then completes every request of the batch. A request's task completes only after its
/// transaction committed (SQLite WAL with synchronous=FULL: the commit is on disk), so the API's
/// 200 means durable. One fsync serves hundreds of saves instead of one each, which is what lets
/// SQLite take thousands of saves per second (see docs/decisions/0002-batched-autosave.md).
/// Newest-wins per question: a save replaces the stored answer only when it is based on the stored seq
/// (<see cref="AnswerSave.BaseSeq"/>), or — from a client that sends no base — when its seq is higher;
/// resending the stored seq with the same response (a retry after a lost reply) succeeds again.
/// Anything else changes nothing (Stale, with the stored answer); a save to an attempt that is no
/// longer in progress changes nothing (Closed). The refusal costs a read only when it happens.
/// The SQL and how a batch reaches the database (one round trip of prepared upserts on PostgreSQL) are
/// <see cref="AnswerBatch"/>'s.
/// </summary>
public sealed class AnswerWriter(IServiceScopeFactory scopes, SqliteWriteGate gate, CertPlatformMetrics metrics, ILogger<AnswerWriter> log) : BackgroundService
{
    public const int MaxBatch = 512;
    /// <summary>A batch that took this long from its first save's turn to its commit is logged at debug level.</summary>
    private static readonly TimeSpan SlowBatch = TimeSpan.FromMilliseconds(50);
    private sealed record Pending(AnswerSave Save, TaskCompletionSource<WriteResult> Done);

    // Bounded: under overload callers wait (back-pressure) rather than the queue eating memory.
    private readonly Channel<Pending> queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(20_000)
    {
        SingleReader = true, FullMode = BoundedChannelFullMode.Wait,
    });

    public async Task<WriteResult> SaveAsync(AnswerSave save, CancellationToken ct)
    {
        var pending = new Pending(save, new TaskCompletionSource<WriteResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        await queue.Writer.WriteAsync(pending, ct);
        // Not cancellable once queued: the write may already be in flight and must be reported truthfully.
        return await pending.Done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        metrics.Gauge("certplatform.autosave.queue_depth", "{answer}", "Answers waiting for the autosave writer.", () => queue.Reader.Count);
        while (true)
        {
            try
            {
                if (!await queue.Reader.WaitToReadAsync(stoppingToken)) break;
            }
            catch (OperationCanceledException) { break; }
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            try
            {
                await db.Database.OpenConnectionAsync(CancellationToken.None);
                if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL;", CancellationToken.None);
                var writes = new AnswerBatch(db.Database.GetDbConnection(), db.Database.IsNpgsql());
                // Keep the connection while saves keep coming; reopen after an error.
                while (queue.Reader.TryRead(out var first))
                {
                    batch.Add(first);
                    var queued = Stopwatch.GetTimestamp();
                    long entered, committing;
                    // The batch is filled once it is this writer's turn at the gate: saves that arrive meanwhile join it.
                    using (await gate.EnterAsync("autosave", CancellationToken.None))
                    {
                        entered = Stopwatch.GetTimestamp();
                        while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next)) batch.Add(next);
                        await WriteBatchAsync(writes, batch);
                        committing = writes.CommitStarted;
                    }
                    var done = Stopwatch.GetTimestamp();
                    // Where a slow batch spent its time (bench/RESULTS.md, "The steady autosave tail"): waiting for the gate,
                    // running the statements, or in COMMIT (the log's fsync; with SQLite's inline checkpoint also the copy).
                    if (Stopwatch.GetElapsedTime(queued, done) >= SlowBatch && log.IsEnabled(LogLevel.Debug))
                        log.LogDebug("Slow autosave batch of {Count}: {GateMs:0.0} ms at the gate, {StatementsMs:0.0} ms statements, {CommitMs:0.0} ms commit",
                            batch.Count, Stopwatch.GetElapsedTime(queued, entered).TotalMilliseconds,
                            Stopwatch.GetElapsedTime(entered, committing).TotalMilliseconds, Stopwatch.GetElapsedTime(committing, done).TotalMilliseconds);
                    metrics.WriterBatchSize.Record(batch.Count);
                    batch.Clear();
                    if (queue.Reader.Count == 0 && !stoppingToken.IsCancellationRequested)
                        await Task.Yield(); // let requests that are on their way join the next batch
                }
            }
            catch (Exception e)
            {
                // No connection at all (the pool exhausted past its Timeout, the database down): the saves waiting now
                // are answered with the error too rather than waiting on (the client retries: 503 with Retry-After
                // for an overloaded database, DatabaseOverloadResponses). Saves that arrive later get the next try.
                if (batch.Count == 0)
                    for (var waiting = queue.Reader.Count; waiting > 0 && queue.Reader.TryRead(out var p); waiting--) batch.Add(p);
                if (DatabaseOverload.Reason(e) is { } reason)
                    log.LogWarning("Autosave batch of {Count} failed: database overloaded ({Reason}); the requests are answered 503 and clients retry ({Error})",
                        batch.Count, reason, e.GetBaseException().Message);
                else log.LogError(e, "Autosave batch of {Count} failed; the requests get an error and clients retry", batch.Count);
                foreach (var p in batch) p.Done.TrySetException(e);
                batch.Clear();
                await Task.Delay(100, CancellationToken.None);
            }
        }
        // Shutting down: stop taking new saves and write what is queued, so nothing acknowledged is lost
        // and nothing queued is left hanging.
        queue.Writer.TryComplete();
        await using var last = scopes.CreateAsyncScope();
        var lastDb = last.ServiceProvider.GetRequiredService<AppDbContext>();
        await lastDb.Database.OpenConnectionAsync(CancellationToken.None);
        var lastWrites = new AnswerBatch(lastDb.Database.GetDbConnection(), lastDb.Database.IsNpgsql());
        while (queue.Reader.TryRead(out var p))
        {
            batch.Add(p);
            if (batch.Count == MaxBatch || queue.Reader.Count == 0)
            {
                try
                {
                    using (await gate.EnterAsync("autosave", CancellationToken.None)) await WriteBatchAsync(lastWrites, batch);
                }
                catch (Exception e) { foreach (var b in batch) b.Done.TrySetException(e); }
                batch.Clear();
            }
        }
    }

    /// <summary>Writes and commits the batch, then completes its requests (an exception reaches the caller, which fails them all).</summary>
    private static async Task WriteBatchAsync(AnswerBatch writes, List<Pending> batch)
    {
        var results = await writes.WriteAsync(batch.ConvertAll(p => p.Save));
        for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(results[i]);
    }
}
