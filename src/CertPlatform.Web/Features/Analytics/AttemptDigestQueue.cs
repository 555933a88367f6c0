using System.Threading.Channels;
using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>
/// Writes the digests of attempts just graded, built in memory by the grader (<see cref="AttemptDigestWriter.Build"/>),
/// after their grading committed. Finishing requests queue here; one loop takes whatever is waiting (up to
/// <see cref="MaxBatch"/>) and inserts it in one multi-row statement (<see cref="MultiRowInsert"/>) in one pass at the <see cref="SqliteWriteGate"/>, so a
/// submit storm pays one transaction (and on SQLite one turn at the write lock) for many digests instead of one each
/// (bench/RESULTS.md "Submit storm profile"). A request's task completes once its digest is stored or given up:
/// if the batch fails, each of its attempts is written alone the way the backfill writes it
/// (<see cref="AttemptDigestWriter.WriteAsync"/>: reads the stored rows, inserts or replaces), and if that fails too
/// the failure is logged and the statistics read that attempt from its items until the catch-up
/// (<see cref="AttemptDigestBackfill"/>) writes it. Never throws to the caller: the grading is already committed.
/// </summary>
public sealed class AttemptDigestQueue(IServiceScopeFactory scopes, SqliteWriteGate gate, ILogger<AttemptDigestQueue> log) : BackgroundService
{
    public const int MaxBatch = 256;

    private sealed record Pending(AttemptDigest Digest, TaskCompletionSource<bool> Done);

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues the digest and waits until it is written (true) or given up (false, logged; the catch-up writes it later).</summary>
    public Task<bool> WriteAsync(AttemptDigest digest)
    {
        var pending = new Pending(digest, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        // Shutting down: the loop has stopped taking digests; the catch-up at the next start writes this one.
        return queue.Writer.TryWrite(pending) ? pending.Done.Task : Task.FromResult(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
        // Shutting down: take no more, write what is queued so no caller is left waiting.
        queue.Writer.TryComplete();
        await WriteQueuedAsync(batch);
    }

    private async Task WriteQueuedAsync(List<Pending> batch)
    {
        while (queue.Reader.TryRead(out var first))
        {
            batch.Add(first);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var written = false;
            try
            {
                // The batch is filled once it is this writer's turn at the gate: digests that arrive meanwhile join it.
                using (await gate.EnterAsync("digest", CancellationToken.None))
                {
                    while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next)) batch.Add(next);
                    // One multi-row INSERT for the whole batch (one statement, not one per digest).
                    await db.InsertRowsAsync(batch.Select(p => p.Digest).ToList(), CancellationToken.None);
                }
                written = true;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "A batch of {Count} attempt digests was not written; writing each alone", batch.Count);
                db.ChangeTracker.Clear();
            }
            foreach (var p in batch) p.Done.TrySetResult(written || await WriteAloneAsync(p.Digest.AttemptId));
            batch.Clear();
        }
    }

    private async Task<bool> WriteAloneAsync(string attemptId)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AttemptDigestWriter>().WriteAsync([attemptId], CancellationToken.None);
            return true;
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Digest of attempt {Attempt} not written; statistics read it from its items", attemptId);
            return false;
        }
    }
}
