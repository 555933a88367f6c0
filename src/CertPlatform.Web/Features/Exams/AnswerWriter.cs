using System.Data.Common;
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
                var sql = new Statements(db.Database.IsNpgsql());
                // Keep the connection while saves keep coming; reopen after an error.
                while (queue.Reader.TryRead(out var first))
                {
                    batch.Add(first);
                    var queued = Stopwatch.GetTimestamp();
                    long entered, committing;
                    // The batch is filled once it is this writer's turn at the gate: saves that arrive meanwhile join it.
                    using (await gate.EnterAsync(CancellationToken.None))
                    {
                        entered = Stopwatch.GetTimestamp();
                        while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next)) batch.Add(next);
                        committing = await WriteBatchAsync(db.Database.GetDbConnection(), sql, batch);
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
                log.LogError(e, "Autosave batch of {Count} failed; the requests get an error and clients retry", batch.Count);
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
        var lastSql = new Statements(lastDb.Database.IsNpgsql());
        while (queue.Reader.TryRead(out var p))
        {
            batch.Add(p);
            if (batch.Count == MaxBatch || queue.Reader.Count == 0)
            {
                try
                {
                    using (await gate.EnterAsync(CancellationToken.None)) await WriteBatchAsync(lastDb.Database.GetDbConnection(), lastSql, batch);
                }
                catch (Exception e) { foreach (var b in batch) b.Done.TrySetException(e); }
                batch.Clear();
            }
        }
    }

    private sealed class Statements(bool postgres)
    {
        // Insert, or move forward only while the attempt is in progress: from the seq the client based the
        // answer on (another device's save since then makes it stale), or — without a base — from any lower
        // seq. The same seq with the same response is a retry after a lost reply and succeeds again.
        public readonly string Upsert = $"""
            INSERT INTO "AttemptAnswers" ("AttemptId", "QuestionRef", "ResponseJson", "Seq", "SavedAtMs")
            SELECT @a, @q, @r, @s, @t WHERE EXISTS (SELECT 1 FROM "Attempts" WHERE "Id" = @a AND "Status" = 'InProgress'{(postgres ? " FOR SHARE" : "")})
            ON CONFLICT ("AttemptId", "QuestionRef") DO UPDATE SET "ResponseJson" = excluded."ResponseJson", "Seq" = excluded."Seq", "SavedAtMs" = excluded."SavedAtMs"
            WHERE (@b < 0 AND excluded."Seq" > "AttemptAnswers"."Seq")
               OR (@b >= 0 AND "AttemptAnswers"."Seq" = @b AND excluded."Seq" > @b)
               OR ("AttemptAnswers"."Seq" = excluded."Seq" AND "AttemptAnswers"."ResponseJson" = excluded."ResponseJson")
            """;
        // Only after a refusal: was it the attempt (finished) or the answer (stale)?
        public const string Stored = """
            SELECT t."Status", aa."Seq", aa."ResponseJson" FROM "Attempts" t
            LEFT JOIN "AttemptAnswers" aa ON aa."AttemptId" = t."Id" AND aa."QuestionRef" = @q
            WHERE t."Id" = @a
            """;
    }

    /// <summary>Writes and commits the batch, then completes its requests; returns the timestamp at which COMMIT began.</summary>
    private static async Task<long> WriteBatchAsync(DbConnection connection, Statements sql, List<Pending> batch)
    {
        long committing;
        var results = new WriteResult[batch.Count];
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await using var upsert = Command(connection, tx, sql.Upsert, "@a", "@q", "@r", "@s", "@t", "@b");
            await using var stored = Command(connection, tx, Statements.Stored, "@a", "@q");
            for (var i = 0; i < batch.Count; i++)
            {
                var s = batch[i].Save;
                upsert.Parameters[0].Value = s.AttemptId;
                upsert.Parameters[1].Value = s.QuestionRef;
                upsert.Parameters[2].Value = s.ResponseJson;
                upsert.Parameters[3].Value = s.Seq;
                upsert.Parameters[4].Value = s.SavedAtMs;
                upsert.Parameters[5].Value = s.BaseSeq;
                if (await upsert.ExecuteNonQueryAsync() == 1)
                {
                    results[i] = new WriteResult(WriteOutcome.Saved, s.Seq);
                    continue;
                }
                stored.Parameters[0].Value = s.AttemptId;
                stored.Parameters[1].Value = s.QuestionRef;
                await using var row = await stored.ExecuteReaderAsync();
                results[i] = !await row.ReadAsync() || row.GetString(0) != AttemptStatus.InProgress || row.IsDBNull(1)
                    ? new WriteResult(WriteOutcome.Closed, 0)
                    : new WriteResult(WriteOutcome.Stale, row.GetInt64(1), row.GetString(2));
            }
            committing = Stopwatch.GetTimestamp();
            await tx.CommitAsync();
        }
        for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(results[i]);
        return committing;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction tx, string text, params string[] parameters)
    {
        var c = connection.CreateCommand();
        c.Transaction = tx;
        c.CommandText = text;
        foreach (var name in parameters)
        {
            var p = c.CreateParameter();
            p.ParameterName = name;
            c.Parameters.Add(p);
        }
        return c;
    }
}
