using System.Threading.Channels;
using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;
using CertPlatform.Web.Infrastructure.Telemetry;

namespace CertPlatform.Web.Features.Exams;

/// <summary>
/// Group commit for finishing attempts on SQLite, where every write waits for the one writer (<see cref="SqliteWriteGate"/>).
/// A submit storm queued one transaction per submit there, each with its own BEGIN, statements and COMMIT (an fsync), and
/// that section bounded the submits per second (bench/RESULTS.md "SQLite, 10,000 trainees"). Finishing requests, graded
/// before they come, queue here instead; one loop takes its turn at the gate, takes whatever is waiting then (up to
/// <see cref="MaxBatch"/>) and writes it in one transaction (<see cref="FinishWrites.ManyAsync"/>: every attempt's claim,
/// items, notebook and totals, one commit), then completes each request — after the commit, so the
/// digest, the read-back and the result events follow it as before. If the batch fails, it is rolled back whole and each
/// attempt is written alone, so one attempt's failure reaches only its own caller. On PostgreSQL (open gate, several
/// instances) finishing stays one transaction per request (<see cref="FinishAttempt"/>).
/// </summary>
public sealed class FinishWriter(IServiceScopeFactory scopes, SqliteWriteGate gate, CertPlatformMetrics metrics, ILogger<FinishWriter> log) : BackgroundService
{
    /// <summary>A batch's turn at the gate grows with it (a few ms per attempt): autosaves wait behind it no longer than this many.</summary>
    public const int MaxBatch = 32;

    private sealed record Pending(GradedAttempt Graded, TaskCompletionSource<GradedAttempt?> Done);

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    private int _pending;

    /// <summary>Attempts queued or being written, not yet completed.</summary>
    public int InFlight => Volatile.Read(ref _pending);

    /// <summary>
    /// Queues an attempt graded from its preload; the task completes after the commit, with the attempt as finished, or
    /// null when another caller had finished it. False when the writer takes no more (shutting down): write it alone.
    /// </summary>
    public bool TryQueue(GradedAttempt graded, out Task<GradedAttempt?> finished)
    {
        var pending = new Pending(graded, new TaskCompletionSource<GradedAttempt?>(TaskCreationOptions.RunContinuationsAsynchronously));
        finished = pending.Done.Task;
        Interlocked.Increment(ref _pending);
        if (queue.Writer.TryWrite(pending)) return true;
        Interlocked.Decrement(ref _pending);
        return false;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        metrics.Gauge("certplatform.finish.queue_depth", "{attempt}", "Finished attempts waiting for the SQLite finish writer.", () => queue.Reader.Count);
        var batch = new List<Pending>(MaxBatch);
        while (true)
        {
            try
            {
                if (!await queue.Reader.WaitToReadAsync(stoppingToken)) break;
            }
            catch (OperationCanceledException) { break; }
            await WriteQueuedAsync(batch);
        }
        // Shutting down: take no more (callers then write alone) and write what is queued, so no caller is left waiting.
        queue.Writer.TryComplete();
        await WriteQueuedAsync(batch);
    }

    private async Task WriteQueuedAsync(List<Pending> batch)
    {
        while (queue.Reader.TryRead(out var first))
        {
            batch.Add(first);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var writes = scope.ServiceProvider.GetRequiredService<FinishWrites>();
                // The batch is filled once it is this writer's turn at the gate: submits that arrive meanwhile join it.
                using (await gate.EnterAsync("finish", CancellationToken.None))
                {
                    while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next)) batch.Add(next);
                    GradedAttempt?[]? finished = null;
                    try
                    {
                        finished = await writes.ManyAsync(batch.ConvertAll(p => p.Graded), CancellationToken.None);
                    }
                    catch (Exception e) when (batch.Count > 1)
                    {
                        log.LogWarning(e, "Finishing {Count} attempts in one transaction failed; writing each alone", batch.Count);
                        db.ChangeTracker.Clear();
                    }
                    if (finished is not null)
                        for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(finished[i]);
                    else
                        foreach (var p in batch)
                        {
                            try { p.Done.TrySetResult(await writes.OneAsync(p.Graded, CancellationToken.None)); }
                            catch (Exception e)
                            {
                                db.ChangeTracker.Clear();
                                p.Done.TrySetException(e);
                            }
                        }
                }
                metrics.FinishBatchSize.Record(batch.Count);
            }
            catch (Exception e)
            {
                // A batch of one that failed, or no scope or connection at all: its callers get the error (a submit is retried).
                foreach (var p in batch) p.Done.TrySetException(e);
            }
            Interlocked.Add(ref _pending, -batch.Count);
            batch.Clear();
        }
    }
}
