using System.Data.Common;
using System.Diagnostics.Metrics;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Exams;
using CertPlatform.Web.Infrastructure;
using CertPlatform.Web.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CertPlatform.IntegrationTests.Features.Exams;

/// <summary>
/// The autosave writer's batch on both providers (on PostgreSQL one round trip of prepared upserts, <see cref="AnswerBatch"/>):
/// every outcome of the newest-wins rule inside ONE batch, a batch as big as the writer makes and bigger, a failing statement
/// in the middle, and the prepared statement reused from batch to batch. The saves go through a real <see cref="AnswerWriter"/>
/// of the test's own that is started only once they are all queued, so they form one batch (checked with the batch-size metric).
/// </summary>
public sealed class AnswerBatchTests(BothProviders providers) : IClassFixture<BothProviders>
{
    private const string Boom = "\"answer-batch-boom\"";

    [Theory]
    [InlineData(BothProviders.Sqlite)]
    [InlineData(BothProviders.Postgres)]
    public async Task Saved_stale_closed_and_a_retry_in_one_batch_each_get_their_outcome(string provider)
    {
        var factory = providers.Factory(provider);
        var open = await AnAttemptAsync(factory, $"batch-mixed-{provider}@demo.local");
        var closed = await AnAttemptAsync(factory, $"batch-mixed-closed-{provider}@demo.local");
        await StoreAsync(factory, (open, 0, "\"a1\"", 1), (open, 1, "\"b3\"", 3), (open, 2, "\"c2\"", 2), (open, 4, "\"e6\"", 6), (closed, 0, "\"f1\"", 1));
        await factory.ScopedAsync(db => db.Attempts.Where(a => a.Id == closed).ExecuteUpdateAsync(a => a.SetProperty(x => x.Status, AttemptStatus.Finished)));

        var saves = new[]
        {
            Save(open, 0, "\"a2\"", 2, 1),                 // saved: based on the stored seq
            Save(open, 1, "\"b2\"", 2, 1),                 // stale: another device saved seq 3 since base 1
            Save(closed, 0, "\"f2\"", 2, 1),               // closed: the attempt is finished
            Save(open, 2, "\"c2\"", 2, 1),                 // saved: a retry of the stored seq with the same response
            Save(open, 3, "\"d1\"", 1, 0),                 // saved: the first answer to the question
            Save(open, 4, "\"e5\"", 5, AnswerSave.NoBase), // stale: no base, and seq 6 is stored
            Save(closed, 1, "\"g1\"", 1, 0),               // closed: nothing stored, nothing inserted
            Save(open, 5, "\"h1\"", 1, 0),                 // saved, and then moved on in the same batch:
            Save(open, 5, "\"h2\"", 2, 1),                 // saved: based on the seq the save above stored
            Save(open, 2, "\"c-other\"", 2, 1),            // stale: seq 2 is stored with another response
        };

        var (results, batches) = await WriteThroughAWriterAsync(factory, saves);

        Assert.Equal(new[] { saves.Length }, batches);
        Assert.Equal(new WriteResult[]
        {
            new(WriteOutcome.Saved, 2), new(WriteOutcome.Stale, 3, "\"b3\""), new(WriteOutcome.Closed, 0), new(WriteOutcome.Saved, 2),
            new(WriteOutcome.Saved, 1), new(WriteOutcome.Stale, 6, "\"e6\""), new(WriteOutcome.Closed, 0), new(WriteOutcome.Saved, 1),
            new(WriteOutcome.Saved, 2), new(WriteOutcome.Stale, 2, "\"c2\""),
        }, results);
        Assert.Equal(new[] { (0, 2L, "\"a2\""), (1, 3L, "\"b3\""), (2, 2L, "\"c2\""), (3, 1L, "\"d1\""), (4, 6L, "\"e6\""), (5, 2L, "\"h2\"") }, await StoredAsync(factory, open));
        Assert.Equal(new[] { (0, 1L, "\"f1\"") }, await StoredAsync(factory, closed));
    }

    [Theory]
    [InlineData(BothProviders.Sqlite)]
    [InlineData(BothProviders.Postgres)]
    public async Task More_saves_than_the_largest_batch_are_all_written(string provider)
    {
        var factory = providers.Factory(provider);
        var attempt = await AnAttemptAsync(factory, $"batch-large-{provider}@demo.local");
        var count = AnswerWriter.MaxBatch + 88;
        var saves = Enumerable.Range(0, count).Select(n => Save(attempt, 1000 + n, $"\"r{n}\"", 1 + n % 3, 0)).ToArray();

        var (results, batches) = await WriteThroughAWriterAsync(factory, saves);

        Assert.Equal(new[] { AnswerWriter.MaxBatch, 88 }, batches);
        Assert.Equal(saves.Select(s => new WriteResult(WriteOutcome.Saved, s.Seq)), results);
        Assert.Equal(saves.Select(s => (s.QuestionRef, s.Seq, s.ResponseJson)), await StoredAsync(factory, attempt));
    }

    [Theory]
    [InlineData(BothProviders.Sqlite)]
    [InlineData(BothProviders.Postgres)]
    public async Task A_batch_far_bigger_than_the_writers_is_one_transaction_that_holds(string provider)
    {
        var factory = providers.Factory(provider);
        var attempt = await AnAttemptAsync(factory, $"batch-huge-{provider}@demo.local");
        var saves = Enumerable.Range(0, 5_000).Select(n => Save(attempt, 10_000 + n, $"\"{new string('x', n % 200)}\"", 1, 0)).ToArray();

        var results = await WithConnectionAsync(factory, (connection, postgres) => new AnswerBatch(connection, postgres).WriteAsync(saves));

        Assert.All(results, r => Assert.Equal(WriteOutcome.Saved, r.Outcome));
        Assert.Equal(saves.Select(s => (s.QuestionRef, s.Seq, s.ResponseJson)), await StoredAsync(factory, attempt));
    }

    [Theory]
    [InlineData(BothProviders.Sqlite)]
    [InlineData(BothProviders.Postgres)]
    public async Task A_statement_failing_in_the_middle_leaves_nothing_and_every_request_gets_the_error(string provider)
    {
        var factory = providers.Factory(provider);
        var attempt = await AnAttemptAsync(factory, $"batch-fail-{provider}@demo.local");
        await StoreAsync(factory, (attempt, 0, "\"a1\"", 1));
        var saves = new[] { Save(attempt, 0, "\"a2\"", 2, 1), Save(attempt, 1, "\"b1\"", 1, 0), Save(attempt, 2, Boom, 1, 0), Save(attempt, 3, "\"d1\"", 1, 0) };

        await FailingOnBoomAsync(factory, provider, async () =>
        {
            var writer = Writer(factory);
            var pending = saves.Select(s => writer.SaveAsync(s, CancellationToken.None)).ToList();
            await writer.StartAsync(CancellationToken.None);
            try
            {
                foreach (var request in pending) await Assert.ThrowsAnyAsync<DbException>(() => request);
                Assert.Equal(new[] { (0, 1L, "\"a1\"") }, await StoredAsync(factory, attempt));
                // The writer goes on: the next save is written.
                Assert.Equal(new WriteResult(WriteOutcome.Saved, 2), await writer.SaveAsync(saves[0], CancellationToken.None));
            }
            finally { await writer.StopAsync(CancellationToken.None); }
        });
        Assert.Equal(new[] { (0, 2L, "\"a2\"") }, await StoredAsync(factory, attempt));
    }

    [Fact]
    public async Task On_PostgreSQL_the_upsert_is_prepared_once_per_physical_connection_and_reused_by_later_batches()
    {
        var factory = providers.Factory(BothProviders.Postgres);
        var attempt = await AnAttemptAsync(factory, "batch-prepared@demo.local");
        // The app's connection string (No Reset On Close) in a pool of one: closing and opening again gets the same physical connection.
        var connectionString = factory.Scoped(sp => sp.GetRequiredService<AppDbContext>().Database.GetConnectionString()!) + ";Maximum Pool Size=1";
        await using var connection = new NpgsqlConnection(connectionString);
        var writes = new AnswerBatch(connection, postgres: true);

        foreach (var size in new[] { 1, 3, 7 })
        {
            await connection.OpenAsync(); // as the writer does: a pooled connection per run of saves
            await writes.WriteAsync(Enumerable.Range(0, size).Select(n => Save(attempt, n, $"\"s{size}\"", size, AnswerSave.NoBase)).ToArray());
            await connection.CloseAsync();
        }

        await connection.OpenAsync();

        await using var prepared = new NpgsqlCommand("""SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%INSERT INTO "AttemptAnswers"%'""", connection);
        Assert.Equal(1L, await prepared.ExecuteScalarAsync());
        Assert.Equal(Enumerable.Range(0, 7).Select(n => (n, 7L, "\"s7\"")), await StoredAsync(factory, attempt));
    }

    /// <summary>Queues every save in a writer that is not yet running, then starts it: they leave the queue as full batches.</summary>
    private static async Task<(WriteResult[] Results, List<int> Batches)> WriteThroughAWriterAsync(AppFactory factory, IReadOnlyList<AnswerSave> saves)
    {
        var writer = Writer(factory);
        var batches = new List<int>();
        var meters = factory.Services.GetRequiredService<IMeterFactory>(); // this app's meters only (other test classes run alongside)
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == "certplatform.autosave.batch_size") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((_, size, _, _) => { lock (batches) batches.Add(size); });
        listener.Start();
        var pending = saves.Select(s => writer.SaveAsync(s, CancellationToken.None)).ToList();
        await writer.StartAsync(CancellationToken.None);
        WriteResult[] results;
        try { results = await Task.WhenAll(pending); }
        finally { await writer.StopAsync(CancellationToken.None); } // the batch sizes are recorded once the loop is through
        return (results, batches);
    }

    private static AnswerWriter Writer(AppFactory factory) => new(factory.Services.GetRequiredService<IServiceScopeFactory>(),
        factory.Services.GetRequiredService<SqliteWriteGate>(), factory.Services.GetRequiredService<CertPlatformMetrics>(), NullLogger<AnswerWriter>.Instance);

    private static async Task<T> WithConnectionAsync<T>(AppFactory factory, Func<DbConnection, bool, Task<T>> use)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        try { return await use(db.Database.GetDbConnection(), db.Database.IsNpgsql()); }
        finally { await db.Database.CloseConnectionAsync(); }
    }

    /// <summary>Runs <paramref name="body"/> while inserting the response <see cref="Boom"/> raises an error in the database.</summary>
    private static async Task FailingOnBoomAsync(AppFactory factory, string provider, Func<Task> body)
    {
        string[] create = provider == BothProviders.Postgres
            ? [$"""CREATE FUNCTION answer_batch_boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."ResponseJson" = '{Boom}' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$""",
               """CREATE TRIGGER answer_batch_boom BEFORE INSERT ON "AttemptAnswers" FOR EACH ROW EXECUTE FUNCTION answer_batch_boom()"""]
            : [$"""CREATE TRIGGER answer_batch_boom BEFORE INSERT ON "AttemptAnswers" WHEN NEW."ResponseJson" = '{Boom}' BEGIN SELECT RAISE(ABORT, 'boom'); END"""];
        string[] drop = provider == BothProviders.Postgres
            ? ["""DROP TRIGGER answer_batch_boom ON "AttemptAnswers" """, "DROP FUNCTION answer_batch_boom()"]
            : ["DROP TRIGGER answer_batch_boom"];
        foreach (var sql in create) await factory.ScopedAsync(db => db.Database.ExecuteSqlRawAsync(sql));
        try { await body(); }
        finally { foreach (var sql in drop) await factory.ScopedAsync(db => db.Database.ExecuteSqlRawAsync(sql)); }
    }

    private static AnswerSave Save(string attemptId, int questionRef, string response, long seq, long baseSeq) =>
        new(attemptId, questionRef, response, seq, baseSeq, 1_764_000_000_000 + seq);

    private static Task StoreAsync(AppFactory factory, params (string AttemptId, int QuestionRef, string Response, long Seq)[] answers) =>
        factory.ScopedAsync(db =>
        {
            db.AttemptAnswers.AddRange(answers.Select(a => new AttemptAnswer { AttemptId = a.AttemptId, QuestionRef = a.QuestionRef, ResponseJson = a.Response, Seq = a.Seq, SavedAtMs = 1 }));
            return db.SaveChangesAsync();
        });

    private static Task<List<(int, long, string)>> StoredAsync(AppFactory factory, string attemptId) =>
        factory.ScopedAsync(async db => (await db.AttemptAnswers.AsNoTracking().Where(a => a.AttemptId == attemptId).OrderBy(a => a.QuestionRef)
            .Select(a => new { a.QuestionRef, a.Seq, a.ResponseJson }).ToListAsync()).Select(a => (a.QuestionRef, a.Seq, a.ResponseJson)).ToList());

    private static async Task<string> AnAttemptAsync(AppFactory factory, string email) =>
        await ExamScenario.StartAsync(await factory.NewTraineeClientAsync(email), "mock-part2");
}
