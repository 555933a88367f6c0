using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Analytics;
using CertPlatform.Web.Features.QuestionBank;
using CertPlatform.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// Item analysis of one paper on a real SQLite file: N finished, graded attempts (default 10,000) of a fixed paper of Q
/// single-choice questions (default 100), with shuffled options, stored answers and graded items, written with plain
/// SQL from the EF model. Then times <see cref="PaperStatistics"/> (the statistics page's use case: queries, matrix,
/// formulas, distractor analysis) three times, each in a fresh scope, and reports wall time, the rise of the process's
/// peak resident memory over its resident memory before the run (VmHWM reset through /proc/self/clear_refs) and the
/// bytes the GC allocated.
/// </summary>
internal static class StatisticsBench
{
    private const string PaperId = "bench-statistics";

    public static void Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task RunAsync(string[] args)
    {
        var attempts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var questions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        var repo = Repo();
        var web = Path.Combine(repo, "src", "CertPlatform.Web");
        // STATS_BENCH_DIR keeps the populated database between runs (populating 10,000 attempts takes minutes).
        var keep = Environment.GetEnvironmentVariable("STATS_BENCH_DIR");
        var work = Directory.CreateDirectory(keep ?? Path.Combine(Path.GetTempPath(), "certplatform-stats-bench-" + Environment.ProcessId)).FullName;
        var populated = keep is not null && File.Exists(Path.Combine(work, "stats.db"));
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(work, "stats.db")}",
            ["Content:Path"] = Path.Combine(repo, "content"),
        }).Build();
        var services = new ServiceCollection().AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning).AddFilter("CertPlatform.Web.Features.Analytics", LogLevel.Debug)).AddSingleton<IConfiguration>(config).AddSingleton(TimeProvider.System).AddMemoryCache();
        services.AddContent(config, web).AddAppDatabase(config, web).AddAnalytics().AddSingleton<QuestionVersionCache>();
        await using var provider = services.BuildServiceProvider();
        try
        {
            var sw = Stopwatch.StartNew();
            using (var scope = provider.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                await DatabaseSetup.MigrateAsync(db);
                if (!populated) await PopulateAsync(db, attempts, questions);
            }
            // The digests grading writes, for attempts inserted without them (and for a database populated before digests).
            sw.Restart();
            var digests = await provider.GetRequiredService<AttemptDigestBackfill>().RunOnceAsync(CancellationToken.None);
            if (digests > 0) Console.WriteLine($"backfilled {digests:N0} attempt digests in {sw.Elapsed.TotalSeconds:0.0} s");
            // What the site does in the background after start-up (StatisticsWarmUp; STATS_BENCH_WARMUP=0 leaves it out).
            if (Environment.GetEnvironmentVariable("STATS_BENCH_WARMUP") != "0")
            {
                var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                sw.Restart();
                var warmUp = provider.GetRequiredService<StatisticsWarmUp>();
                await warmUp.StartAsync(CancellationToken.None);
                var ran = await warmUp.Completed;
                Console.WriteLine(FormattableString.Invariant($"warm-up ({(ran ? "ran" : "did not run")}): {sw.Elapsed.TotalSeconds:0.000} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds:0.000} s CPU"));
            }
            Console.WriteLine(populated ? $"reused {Path.Combine(work, "stats.db")}" : $"populated {attempts:N0} attempts × {questions} questions in {sw.Elapsed.TotalSeconds:0.0} s ({new FileInfo(Path.Combine(work, "stats.db")).Length / 1e6:0} MB database)");
            for (var run = 1; run <= 3; run++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                File.WriteAllText("/proc/self/clear_refs", "5"); // resets VmHWM to the current RSS
                var before = Status("VmRSS");
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                sw.Restart();
                using var scope = provider.CreateScope();
                var model = await scope.ServiceProvider.GetRequiredService<PaperStatistics>().RunAsync(PaperId, new StatisticsFilter(), CancellationToken.None)
                    ?? throw new InvalidOperationException("paper missing");
                var elapsed = sw.Elapsed.TotalSeconds;
                var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                var peak = Status("VmHWM");
                var t = model.Report.Test;
                Console.WriteLine(FormattableString.Invariant(
                    $"run {run}: {elapsed:0.000} s wall, {cpuSeconds:0.000} s CPU; peak RSS +{(peak - before) / 1024.0:0} MB over {before / 1024.0:0} MB; GC allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6:0} MB; attempts={t.Attempts} slots={model.Report.Slots.Count} mean={t.Percent(t.Mean):0.00}% alpha={t.Cic:0.00}% options={model.Report.Slots.Sum(s => s.Options.Count)}"));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (keep is null) Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>A field of /proc/self/status in kB.</summary>
    private static long Status(string field) =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private static string Repo()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "CertPlatform.sln"))) return d.FullName;
        throw new InvalidOperationException("run from inside the repository");
    }

    /// <summary>Candidates of logistic ability answer questions of logistic difficulty; a wrong answer picks a random wrong option.</summary>
    private static async Task PopulateAsync(AppDbContext db, int attempts, int count)
    {
        var rng = new Random(7);
        var now = DateTimeOffset.UtcNow;
        var bank = Enumerable.Range(0, count).Select(j => new Question
        {
            Id = $"bench-q{j:000}", Type = QuestionType.Single, Stem = $"题目 {j}", LessonId = "l1", Difficulty = 1 + j % 5,
            Options = Enumerable.Range(0, 4).Select(k => new ChoiceOption($"选项 {k}", k == j % 4)).ToList(),
        }).ToList();
        var difficulty = bank.Select(_ => rng.NextDouble() * 3 - 1.5).ToArray();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA foreign_keys=OFF;";
            await pragma.ExecuteNonQueryAsync();
        }
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        Insert(db, connection, tx, new[]
        {
            new Paper
            {
                Id = PaperId, Title = "统计基准试卷", Kind = "mock", Status = "published", TimeLimitMinutes = 90, PassMark = 60,
                FixedQuestionsJson = JsonSerializer.Serialize(bank.Select(q => new { q.Id, Points = 1m })), CreatedAt = now, UpdatedAt = now,
            },
        });
        Insert(db, connection, tx, bank.Select((q, j) => new QuestionRecord
        {
            Id = q.Id, LessonId = "l1", PartId = $"part{1 + j % 4}", Type = "Single", Status = "Ready", Difficulty = q.Difficulty, CurrentVersion = 1,
            Origin = "content", UpdatedAt = now,
        }));
        Insert(db, connection, tx, bank.Select(q => new QuestionVersion { QuestionId = q.Id, Version = 1, PayloadJson = QuestionJson.Serialize(q), CreatedAt = now, CreatedBy = "bench" }));
        var paperQuestions = bank.Select(q => new PaperQuestion(q, 1, 0, 1m)).ToList();
        const int batch = 500;
        for (var start = 0; start < attempts; start += batch)
        {
            var rows = new List<Attempt>();
            var items = new List<AttemptItem>();
            var answers = new List<AttemptAnswer>();
            for (var i = start; i < Math.Min(attempts, start + batch); i++)
            {
                var id = $"{i:x32}";
                var layout = AttemptLayout.Freeze(paperQuestions, true, true, i);
                var ability = rng.NextDouble() * 4 - 2;
                decimal score = 0;
                foreach (var l in layout)
                {
                    var j = int.Parse(l.QuestionId[^3..], CultureInfo.InvariantCulture);
                    var key = j % 4;
                    var right = rng.NextDouble() < 1 / (1 + Math.Exp(difficulty[j] - ability));
                    var chosen = right ? key : (key + 1 + rng.Next(3)) % 4;
                    score += right ? 1 : 0;
                    answers.Add(new AttemptAnswer { AttemptId = id, QuestionRef = l.Ref, ResponseJson = $"{{\"selected\":[{l.Order.ToList().IndexOf(chosen)}]}}", Seq = 1, SavedAtMs = now.ToUnixTimeMilliseconds() });
                    items.Add(new AttemptItem
                    {
                        AttemptId = id, QuestionRef = l.Ref, QuestionId = l.QuestionId, Version = 1, Section = 0, LessonId = "l1", PartId = $"part{1 + j % 4}",
                        Points = 1, AutoScore = right ? 1 : 0, Answered = true, Correct = right,
                    });
                }
                rows.Add(new Attempt
                {
                    Id = id, PaperId = PaperId, UserId = $"user{i}", Number = 1, Status = AttemptStatus.Finished, StartedAt = now.AddHours(-2), Deadline = now.AddHours(-1),
                    FinishedAt = now.AddHours(-1), FinishReason = "submitted", Seed = i, LayoutJson = JsonSerializer.Serialize(layout), Grading = GradingStatus.Final,
                    Score = score, MaxScore = count, PassMark = 60, Passed = score >= 60, GradedAt = now,
                });
            }
            Insert(db, connection, tx, rows);
            Insert(db, connection, tx, items);
            Insert(db, connection, tx, answers);
        }
        await tx.CommitAsync();
        await connection.CloseAsync();
    }

    /// <summary>Plain prepared INSERTs built from the EF model (column names and value converters), much faster than change tracking.</summary>
    private static void Insert<T>(AppDbContext db, SqliteConnection connection, SqliteTransaction tx, IEnumerable<T> rows) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().Where(p => p.PropertyInfo is not null && !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never && p.ClrType == typeof(long))).ToList();
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(",", properties.Select(p => $"\"{p.GetColumnName(table)}\""))}) VALUES ({string.Join(",", properties.Select((_, k) => "$p" + k))})";
        var parameters = properties.Select((_, k) => command.Parameters.Add(new SqliteParameter("$p" + k, null))).ToList();
        command.Prepare();
        foreach (var row in rows)
        {
            for (var k = 0; k < properties.Count; k++)
            {
                var value = properties[k].PropertyInfo!.GetValue(row);
                if (value is not null && properties[k].GetTypeMapping().Converter is { } converter) value = converter.ConvertToProvider(value);
                parameters[k].Value = value ?? DBNull.Value;
            }
            command.ExecuteNonQuery();
        }
    }
}
