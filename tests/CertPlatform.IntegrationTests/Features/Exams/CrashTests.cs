using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace CertPlatform.IntegrationTests.Features.Exams;

/// <summary>
/// Reliability bar: "kill -9 of the server during steady autosave → after restart every answer
/// that got a 200 is present; PRAGMA integrity_check = ok", and the same for an orderly stop (SIGTERM,
/// as a deploy or a container stop sends). The server runs as a real process so the signals are real:
/// SIGKILL leaves no shutdown hook, no drain of the autosave queue, no final checkpoint; SIGTERM must
/// finish the requests in flight and drain the writer before the process exits (with exit code 0).
/// </summary>
public sealed class CrashTests(ITestOutputHelper output) : IDisposable
{
    // Generous: a cold start (JIT, content load, migrations) took 51 s once on the shared 2-core machine under load.
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(120);
    private const int Loops = 8;
    private const string Paper = "mock-part1";

    private readonly string _data = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "certplatform-crash-" + Guid.NewGuid().ToString("N"))).FullName;
    private readonly List<ServerProcess> _servers = [];
    private readonly List<HttpClient> _clients = [];

    public void Dispose()
    {
        foreach (var c in _clients) c.Dispose();
        foreach (var s in _servers) s.Dispose();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public enum Stop { Kill, Term }

    [Theory]
    [InlineData(Stop.Kill)]
    [InlineData(Stop.Term)]
    public async Task Every_acknowledged_answer_survives_a_stop_during_concurrent_autosaves_and_the_database_stays_intact(Stop stop)
    {
        var first = await StartServerAsync();
        var trainee = await SignInAsync(first);
        using var start = await trainee.StartAsync(Paper);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var attempt = await start.JsonAsync();
        var attemptId = (string)attempt["attemptId"]!;
        var questions = attempt["questions"]!.AsArray().Select(q => q!.AsObject()).ToList();

        // Each loop owns the questions with ref % Loops == loop, so every question's seq only grows and
        // the last 200 per question is the newest answer the server promised to keep.
        var acked = new ConcurrentDictionary<int, (long Seq, JsonObject Response)>();
        var unexpected = new ConcurrentQueue<string>();
        var okCount = 0;
        var inFlight = 0;
        var loops = Enumerable.Range(0, Loops).Select(loop => Task.Run(async () =>
        {
            var mine = questions.Where(q => (int)q["ref"]! % Loops == loop).ToList();
            var seq = new Dictionary<int, long>();
            for (var i = 0; ; i++)
            {
                var q = mine[i % mine.Count];
                var questionRef = (int)q["ref"]!;
                var next = seq[questionRef] = seq.GetValueOrDefault(questionRef) + 1;
                var response = ResponseFor(q, next);
                Interlocked.Increment(ref inFlight);
                try
                {
                    using var r = await trainee.SaveAsync(attemptId, questionRef, response, next);
                    if (r.StatusCode == HttpStatusCode.OK)
                    {
                        acked[questionRef] = (next, response);
                        Interlocked.Increment(ref okCount);
                    }
                    else unexpected.Enqueue($"ref {questionRef} seq {next}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
                }
                // The server died: this save (and any later one) got no answer, so it was never acknowledged.
                catch (HttpRequestException) { return; }
                catch (TaskCanceledException) { return; }
                finally { Interlocked.Decrement(ref inFlight); }
            }
        })).ToList();

        // About two seconds of concurrent saves, then the signal at a moment when requests are in flight.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var wait = Stopwatch.StartNew();
        while (Volatile.Read(ref inFlight) == 0 && wait.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(1);
        var inFlightAtKill = Volatile.Read(ref inFlight);
        var okAtSignal = Volatile.Read(ref okCount);
        if (stop == Stop.Kill) first.Kill();
        else
        {
            // An orderly stop exits by itself, well within the host's shutdown timeout (Exams:ShutdownSeconds).
            var stopping = Stopwatch.StartNew();
            var exitCode = first.Terminate(TimeSpan.FromSeconds(60));
            output.WriteLine($"SIGTERM: exit code {exitCode} after {stopping.Elapsed.TotalSeconds:0.0} s");
            Assert.True(exitCode == 0, $"exit code {exitCode} after SIGTERM:{Environment.NewLine}{first.Output}");
        }
        var allStopped = Task.WhenAll(loops);
        Assert.Same(allStopped, await Task.WhenAny(allStopped, Task.Delay(TimeSpan.FromSeconds(60))));
        await allStopped;

        Assert.Empty(unexpected);
        Assert.True(inFlightAtKill > 0, "the kill should land while saves are in flight");
        Assert.True(okCount >= 20, $"only {okCount} saves were acknowledged before the kill: too few to test anything");

        // Restart on the same database file and read the attempt back as its owner.
        var second = await StartServerAsync();
        var again = await SignInAsync(second);
        using var stateResponse = await again.GetAsync($"/api/attempts/{attemptId}");
        Assert.Equal(HttpStatusCode.OK, stateResponse.StatusCode);
        var state = await stateResponse.JsonAsync();
        Assert.Equal(AttemptStatus.InProgress, (string)state["status"]!);
        var stored = state["answers"]!.AsArray().ToDictionary(a => (int)a!["ref"]!, a => a!.AsObject());

        Assert.NotEmpty(acked);
        var newer = acked.Count(a => stored.TryGetValue(a.Key, out var s) && (long)s["seq"]! > a.Value.Seq);
        output.WriteLine($"{okCount} saves acknowledged on {acked.Count} questions ({okCount - okAtSignal} of them after the signal) before {stop} of pid {first.Id}; {inFlightAtKill} in flight at the signal; " +
            $"after restart {stored.Count} answers stored, {newer} of them newer than the last acknowledged save");
        foreach (var (questionRef, (seq, response)) in acked)
        {
            Assert.True(stored.TryGetValue(questionRef, out var s), $"question {questionRef}: acknowledged seq {seq} is missing after the {stop} ({okCount} saves acknowledged in all)");
            var storedSeq = (long)s["seq"]!;
            // Higher is fine: a save that was in flight at the kill may have committed without its 200 getting out.
            Assert.True(storedSeq >= seq, $"question {questionRef}: acknowledged seq {seq}, stored seq {storedSeq}");
            if (storedSeq == seq)
                Assert.True(Matches(response, s["response"]), $"question {questionRef} seq {seq}: sent {response.ToJsonString()}, stored {s["response"]?.ToJsonString()}");
        }

        // The file itself: WAL recovery after the kill (or the orderly close) must leave a consistent database.
        await using var db = new SqliteConnection($"Data Source={ServerProcess.DatabasePath(_data)};Pooling=False");
        await db.OpenAsync();
        await using var check = db.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", (string?)await check.ExecuteScalarAsync());
    }

    private async Task<ServerProcess> StartServerAsync()
    {
        var started = Stopwatch.StartNew();
        var server = ServerProcess.Start(_data);
        _servers.Add(server);
        await server.WaitUntilReadyAsync(StartupTimeout);
        output.WriteLine($"server pid {server.Id} ready at {server.BaseAddress} after {started.Elapsed.TotalSeconds:0.0} s");
        return server;
    }

    private async Task<HttpClient> SignInAsync(ServerProcess server)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = server.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        _clients.Add(client);
        var trainee = Demo.Account(Roles.Trainee);
        using var login = await client.LoginAsync(trainee.Email, trainee.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return await client.WithApiTokenAsync();
    }

    /// <summary>An answer of the question's type whose content changes with seq (so equal seq means equal answer).</summary>
    private static JsonObject ResponseFor(JsonObject q, long seq) => (string?)q["type"] switch
    {
        "single" or "multiple" => new JsonObject { ["selected"] = new JsonArray((int)(seq % Math.Max(1, q["options"]!.AsArray().Count))) },
        "trueFalse" => new JsonObject { ["trueFalse"] = seq % 2 == 0 },
        "fill" => new JsonObject { ["blanks"] = new JsonArray(Enumerable.Range(0, Math.Max(1, (int)q["blanks"]!)).Select(i => (JsonNode)$"答案{seq}-{i}").ToArray()) },
        _ => new JsonObject { ["text"] = $"第 {seq} 版作答" },
    };

    /// <summary>The server stores a normalised response (empty fields included): every field sent must be there, equal.</summary>
    private static bool Matches(JsonNode? sent, JsonNode? stored) => (sent, stored) switch
    {
        (JsonObject s, JsonObject t) => s.All(kv => t.TryGetPropertyValue(kv.Key, out var v) && Matches(kv.Value, v)),
        (JsonArray s, JsonArray t) => s.Count == t.Count && s.Zip(t).All(p => Matches(p.First, p.Second)),
        _ => JsonNode.DeepEquals(sent, stored),
    };
}
