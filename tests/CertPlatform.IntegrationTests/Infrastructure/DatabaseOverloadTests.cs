using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using CertPlatform.IntegrationTests.Features.Exams;
using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;
using CertPlatform.Web.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace CertPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// A busy database answers 503 with Retry-After, never 500 (docs/deploy.md, "When the database is overloaded"). The app
/// runs on a real PostgreSQL with a pool of one connection and a one-second wait for it; the test takes that connection
/// from the app's own pool and keeps it in an open transaction. An autosave (the lean endpoint and its batch writer, which
/// gets no connection), a submit (MVC) and an exam page then each get 503 with Retry-After — problem+json in the UI
/// language for the API, the localized "server busy" page for the page (a plain one when the error page cannot read the
/// signed-in session either) — logged as warnings, not errors. Once the connection is back the same
/// autosave succeeds and its answer is stored: nothing the trainee typed is lost.
/// </summary>
[Collection(SerilogStaticLogger.Name)]
public sealed class DatabaseOverloadTests : IDisposable
{
    private readonly PostgresDatabase _database = new();
    private readonly CapturingLogSink _sink = new();
    private readonly AppFactory _factory;

    public DatabaseOverloadTests() =>
        _factory = _database.Factory
            .With("Database:ConnectionString", _database.ConnectionString + ";Maximum Pool Size=1;Timeout=1")
            .With("Serilog:MinimumLevel:Default", "Information")
            .WithServices(s => s.AddSingleton<ILogEventSink>(_sink));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task With_the_only_pooled_connection_taken_autosave_submit_and_pages_get_503_and_the_retried_save_is_stored()
    {
        var trainee = await ExamScenario.TraineeAsync(_factory, "busy@example.test");
        var attemptId = await ExamScenario.StartAsync(trainee, FakeClockExamApp.MockPaper);
        var page = $"/exams/attempt/{attemptId}";
        // The page works while the pool is free. A second after signing in the session's state is cached (SessionCache), so
        // the requests below reach the database only in their own work: the autosave in the writer's batch.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        Assert.Equal(HttpStatusCode.OK, (await trainee.GetAsync(page)).StatusCode);

        var metrics = _factory.Services.GetRequiredService<CertPlatformMetrics>();
        var counted = 0L;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (i, l) => { if (ReferenceEquals(i, metrics.DatabaseOverloaded)) l.EnableMeasurementEvents(i); };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref counted, value));
        listener.Start();

        HttpResponseMessage save = null!, submit = null!, html = null!, english = null!;
        await WhileTheConnectionIsHeldAsync(async () =>
        {
            // Promptly: a save must not wait in the writer's queue until the database is free again.
            save = await PromptlyAsync(trainee.SaveAsync(attemptId, 0, new { selected = new[] { 1 } }, seq: 1, baseSeq: 0), "the autosave");
            submit = await PromptlyAsync(trainee.SubmitAsync(attemptId), "the submit");
            html = await PromptlyAsync(trainee.GetAsync(page), "the exam page");
        });
        // The UI language is the user's choice (a cookie), which the error page reads too.
        Assert.Equal(HttpStatusCode.Redirect, (await trainee.GetAsync("/language/en")).StatusCode);
        await WhileTheConnectionIsHeldAsync(async () => english = await trainee.GetAsync(page));
        Assert.Equal(HttpStatusCode.Redirect, (await trainee.GetAsync("/language/zh-CN")).StatusCode);

        foreach (var r in new[] { save, submit, html, english })
        {
            Assert.True(r.StatusCode == HttpStatusCode.ServiceUnavailable, $"{r.RequestMessage!.Method} {r.RequestMessage.RequestUri}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
            var retryAfter = r.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException($"{r.RequestMessage.RequestUri}: no Retry-After (delta seconds)");
            Assert.InRange(retryAfter.TotalSeconds, DatabaseOverloadResponses.RetryAfterSeconds, DatabaseOverloadResponses.RetryAfterSeconds + DatabaseOverloadResponses.RetryAfterSpread);
        }
        foreach (var r in new[] { save, submit })
        {
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            var problem = await r.JsonAsync();
            Assert.Equal(503, (int)problem["status"]!);
            Assert.Equal("服务器繁忙，请稍后再试。", (string)problem["title"]!);
        }
        Assert.Contains("服务器繁忙，请稍后再试。您已保存的内容不会丢失。", await html.Content.ReadAsStringAsync());
        Assert.Contains("The server is busy. Please try again in a moment.", await english.Content.ReadAsStringAsync());

        // The connection is back: the same save (same seq, same base) goes through and is stored; the submit too.
        using var retried = await trainee.SaveAsync(attemptId, 0, new { selected = new[] { 1 } }, seq: 1, baseSeq: 0);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.True(Interlocked.Read(ref counted) >= 4, $"{counted} counted in {CertPlatformMetrics.DatabaseOverloadedName}");
        var stored = await _factory.ScopedAsync(db => db.AttemptAnswers.AsNoTracking().SingleAsync(a => a.AttemptId == attemptId && a.QuestionRef == 0));
        Assert.Equal(1, stored.Seq);
        Assert.Equal(new JsonArray(1).ToJsonString(), JsonNode.Parse(stored.ResponseJson)!["selected"]!.ToJsonString());
        await ExamScenario.SubmitAsync(trainee, attemptId);

        // Just signed in, the session's state must be read: the sign-in check itself meets the busy database, and so does
        // the error page's rendering — the words come on a plain page of their own.
        var newcomer = await ExamScenario.TraineeAsync(_factory, "newcomer@example.test");
        HttpResponseMessage plain = null!;
        await WhileTheConnectionIsHeldAsync(async () => plain = await newcomer.GetAsync("/exams"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, plain.StatusCode);
        Assert.NotNull(plain.Headers.RetryAfter?.Delta);
        Assert.Contains("服务器繁忙，请稍后再试。您已保存的内容不会丢失。", await plain.Content.ReadAsStringAsync());

        // Logged as warnings saying why, without a stack; nothing about these requests at error level.
        var overloaded = _sink.Events.Where(e => e.MessageTemplate.Text.StartsWith("Database overloaded", StringComparison.Ordinal)).ToList();
        // (The page's error page may have been refused too: the sign-in's session check needed the database as well.)
        Assert.Superset(new HashSet<string?> { $"/api/attempts/{attemptId}/answers/0", $"/api/attempts/{attemptId}/submit", page },
            overloaded.Select(e => CapturingLogSink.Text(e, "Path")).ToHashSet());
        Assert.All(overloaded, e => Assert.Equal(LogEventLevel.Warning, e.Level));
        Assert.All(overloaded, e => Assert.Equal(DatabaseOverload.Timeout, CapturingLogSink.Text(e, "Reason")));
        Assert.Contains(_sink.Events, e => e.Level == LogEventLevel.Warning && e.MessageTemplate.Text.StartsWith("Autosave batch of {Count} failed: database overloaded", StringComparison.Ordinal));
        var errors = _sink.Events.Where(e => e.Level >= LogEventLevel.Error && CapturingLogSink.Text(e, "RequestPath")?.Contains(attemptId, StringComparison.Ordinal) == true)
            .Select(e => $"{CapturingLogSink.Text(e, "SourceContext")}: {e.RenderMessage()} {e.Exception?.GetType()} {(e.Properties.TryGetValue("EventId", out var id) ? id.ToString() : "")}").ToList();
        Assert.True(errors.Count == 0, "logged as errors:\n" + string.Join("\n", errors));
    }

    /// <summary>The answer within 20 s (the pool's wait is 1 s), or a failure naming the request that was still waiting.</summary>
    private static async Task<HttpResponseMessage> PromptlyAsync(Task<HttpResponseMessage> request, string what) =>
        await Task.WhenAny(request, Task.Delay(TimeSpan.FromSeconds(20))) == request ? await request
            : throw new Xunit.Sdk.XunitException($"{what} got no answer within 20 s while the database was busy");

    /// <summary>Takes the app's only pooled connection into an open transaction while <paramref name="requests"/> run.</summary>
    private async Task WhileTheConnectionIsHeldAsync(Func<Task> requests)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var held = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync("SELECT 1"); // in use, inside a transaction
        await requests();
        await held.RollbackAsync();
    }

    /// <summary>
    /// SQLite on a real file: another connection holds the write lock (BEGIN IMMEDIATE) longer than the busy timeout (the
    /// app's 30 s), so the writer's batch fails with SQLITE_BUSY: the save is answered 503 with Retry-After, and once the
    /// lock is gone the same save is stored.
    /// </summary>
    [Fact]
    public async Task On_sqlite_a_save_that_meets_a_write_lock_past_the_busy_timeout_gets_503_and_its_retry_is_stored()
    {
        using var factory = new AppFactory();
        var trainee = await ExamScenario.TraineeAsync(factory, "busy-sqlite@example.test");
        var attemptId = await ExamScenario.StartAsync(trainee, FakeClockExamApp.MockPaper);

        HttpResponseMessage save;
        await using (var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(factory.DataFolder, "test.db")};Pooling=False"))
        {
            await other.OpenAsync();
            await using (var begin = other.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE";
                await begin.ExecuteNonQueryAsync();
            }
            save = await trainee.SaveAsync(attemptId, 0, new { selected = new[] { 2 } }, seq: 1, baseSeq: 0);
        }
        Assert.True(save.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)save.StatusCode} {await save.Content.ReadAsStringAsync()}");
        Assert.NotNull(save.Headers.RetryAfter?.Delta);
        Assert.Equal("服务器繁忙，请稍后再试。", (string)(await save.JsonAsync())["title"]!);

        using var retried = await trainee.SaveAsync(attemptId, 0, new { selected = new[] { 2 } }, seq: 1, baseSeq: 0);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var stored = await factory.ScopedAsync(db => db.AttemptAnswers.AsNoTracking().SingleAsync(a => a.AttemptId == attemptId && a.QuestionRef == 0));
        Assert.Equal(new JsonArray(2).ToJsonString(), JsonNode.Parse(stored.ResponseJson)!["selected"]!.ToJsonString());
    }
}
