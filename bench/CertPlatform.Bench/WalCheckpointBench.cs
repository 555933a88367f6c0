using System.Diagnostics;
using System.Globalization;
using CertPlatform.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CertPlatform.Bench;

/// <summary>
/// The autosave writer's loop alone on a real SQLite file (no web server, no HTTP): saves arrive at a fixed rate, one
/// writer takes everything waiting (up to 512) into one transaction with the writer's own upsert, synchronous=FULL, and
/// a save's latency is from its arrival to its batch's commit. Runs SQLite's inline checkpoint (the connection
/// checkpoints every 1,000 pages of log inside its commit) and the background checkpointer (<see cref="SqliteCheckpointer"/>)
/// alternately, on fresh files, so the two share the machine's load. Usage:
/// <c>checkpoint [seconds 20] [saves per second 2000] [attempts 10000] [rounds 2]</c>.
/// </summary>
public static class WalCheckpointBench
{
    private const int Questions = 20;
    private const int MaxBatch = 512;

    private const string Upsert = """
        INSERT INTO "AttemptAnswers" ("AttemptId", "QuestionRef", "ResponseJson", "Seq", "SavedAtMs")
        SELECT @a, @q, @r, @s, @t WHERE EXISTS (SELECT 1 FROM "Attempts" WHERE "Id" = @a AND "Status" = 'InProgress')
        ON CONFLICT ("AttemptId", "QuestionRef") DO UPDATE SET "ResponseJson" = excluded."ResponseJson", "Seq" = excluded."Seq", "SavedAtMs" = excluded."SavedAtMs"
        WHERE excluded."Seq" > "AttemptAnswers"."Seq"
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
        var seconds = Arg(0, 20);
        var rate = Arg(1, 2000);
        var attempts = Arg(2, 10_000);
        var rounds = Arg(3, 2);
        Console.WriteLine($"autosave writer alone: {rate:N0} saves/s for {seconds} s over {attempts:N0} attempts × {Questions} questions; load average {File.ReadAllText("/proc/loadavg")[..14]}");
        for (var round = 0; round < rounds; round++)
            foreach (var background in new[] { false, true })
                await RunOnceAsync(background, seconds, rate, attempts);
        return 0;
    }

    private static async Task RunOnceAsync(bool background, int seconds, int rate, int attempts)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "certplatform-walbench-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var file = Path.Combine(folder, "bench.db");
            var cs = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
            var options = new SqliteCheckpointOptions();
            var pragmas = new SqliteConnectionPragmas(options.WalLimitBytes) { BackgroundCheckpoints = background };
            await using var db = new SqliteConnection(cs);
            await db.OpenAsync();
            await ExecAsync(db, "PRAGMA journal_mode=WAL;");
            await ExecAsync(db, """
                CREATE TABLE "Attempts" ("Id" TEXT NOT NULL PRIMARY KEY, "Status" TEXT NOT NULL);
                CREATE TABLE "AttemptAnswers" ("AttemptId" TEXT NOT NULL, "QuestionRef" TEXT NOT NULL, "ResponseJson" TEXT NOT NULL,
                    "Seq" INTEGER NOT NULL, "SavedAtMs" INTEGER NOT NULL, CONSTRAINT "PK_AttemptAnswers" PRIMARY KEY ("AttemptId", "QuestionRef"));
                """);
            var ids = Enumerable.Range(0, attempts).Select(i => Guid.NewGuid().ToString("N")).ToArray();
            await using (var tx = await db.BeginTransactionAsync())
            {
                await using var insert = db.CreateCommand();
                insert.Transaction = (SqliteTransaction)tx;
                insert.CommandText = """INSERT INTO "Attempts" VALUES (@a, 'InProgress');""";
                var a = insert.Parameters.Add("@a", SqliteType.Text);
                foreach (var id in ids) { a.Value = id; await insert.ExecuteNonQueryAsync(); }
                await tx.CommitAsync();
            }
            var seqs = new long[attempts * Questions];
            await using (var tx = await db.BeginTransactionAsync())
            await using (var upsert = Command(db))
            {
                upsert.Transaction = (SqliteTransaction)tx;
                for (var i = 0; i < seqs.Length; i++) await SaveAsync(upsert, ids, seqs, i);
                await tx.CommitAsync();
            }
            await ExecAsync(db, "PRAGMA wal_checkpoint(TRUNCATE);");
            await pragmas.ConnectionOpenedAsync(db, null!);
            await ExecAsync(db, "PRAGMA synchronous=FULL;");

            var gate = new SqliteWriteGate(oneWriter: true);
            using var checkpointer = new SqliteCheckpointer(cs, pragmas, gate, Options.Create(options), TimeProvider.System, NullLogger<SqliteCheckpointer>.Instance);
            if (background) await checkpointer.StartAsync(CancellationToken.None);

            var latencies = new List<double>(rate * seconds);
            var commits = new List<double>();
            var rng = new Random(7);
            await using var save = Command(db);
            var start = Stopwatch.GetTimestamp();
            var perTick = Stopwatch.Frequency / (double)rate;
            long done = 0, total = (long)rate * seconds;
            while (done < total)
            {
                var now = Stopwatch.GetTimestamp();
                var due = Math.Min(total, (long)((now - start) / perTick) + 1);
                if (due <= done)
                {
                    await Task.Delay(1);
                    continue;
                }
                var count = (int)Math.Min(MaxBatch, due - done);
                long committing;
                using (await gate.EnterAsync(CancellationToken.None))
                {
                    await using var tx = await db.BeginTransactionAsync();
                    save.Transaction = (SqliteTransaction)tx;
                    for (var i = 0; i < count; i++) await SaveAsync(save, ids, seqs, rng.Next(seqs.Length));
                    committing = Stopwatch.GetTimestamp();
                    await tx.CommitAsync();
                }
                var committed = Stopwatch.GetTimestamp();
                commits.Add(Stopwatch.GetElapsedTime(committing, committed).TotalMilliseconds);
                for (var k = 0; k < count; k++)
                    latencies.Add((committed - (start + (long)((done + k) * perTick))) * 1000.0 / Stopwatch.Frequency);
                done += count;
            }
            var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (background) await checkpointer.StopAsync(CancellationToken.None);
            var wal = File.Exists(file + "-wal") ? new FileInfo(file + "-wal").Length / 1024 : 0;
            latencies.Sort();
            commits.Sort();
            double P(List<double> l, double p) => l[Math.Clamp((int)Math.Ceiling(p * l.Count) - 1, 0, l.Count - 1)];
            Console.WriteLine($"{(background ? "background" : "inline    ")} checkpoints: {done:N0} saves in {elapsed:0.0} s; save latency p50 {P(latencies, .5):0.0} p90 {P(latencies, .9):0.0} " +
                $"p99 {P(latencies, .99):0.0} max {latencies[^1]:0.0} ms, over 50 ms {latencies.Count(l => l > 50):N0}, over 100 ms {latencies.Count(l => l > 100):N0}, " +
                $"over 500 ms {latencies.Count(l => l > 500):N0}; {commits.Count:N0} commits p50 {P(commits, .5):0.0} p99 {P(commits, .99):0.0} max {commits[^1]:0.0} ms; " +
                $"WAL at the end {wal:N0} KiB; load average {File.ReadAllText("/proc/loadavg")[..14]}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static SqliteCommand Command(SqliteConnection db)
    {
        var c = db.CreateCommand();
        c.CommandText = Upsert;
        foreach (var p in new[] { "@a", "@q", "@r", "@s", "@t" }) c.Parameters.Add(new SqliteParameter { ParameterName = p });
        return c;
    }

    private static async Task SaveAsync(SqliteCommand upsert, string[] ids, long[] seqs, int key)
    {
        var seq = ++seqs[key];
        upsert.Parameters[0].Value = ids[key / Questions];
        upsert.Parameters[1].Value = "q" + (key % Questions).ToString(CultureInfo.InvariantCulture);
        upsert.Parameters[2].Value = $$"""{"choices":["{{(char)('A' + seq % 4)}}"],"text":"answer {{seq}} of question {{key % Questions}}"}""";
        upsert.Parameters[3].Value = seq;
        upsert.Parameters[4].Value = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await upsert.ExecuteNonQueryAsync();
    }

    private static async Task ExecAsync(SqliteConnection db, string sql)
    {
        await using var c = db.CreateCommand();
        c.CommandText = sql;
        await c.ExecuteNonQueryAsync();
    }
}
