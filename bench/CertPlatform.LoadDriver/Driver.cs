using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CertPlatform.LoadDriver;

/// <summary>
/// Runs the exam-engine scenarios of bench/TARGETS.md against a running server and checks, after each one,
/// that every answer the server acknowledged is stored as acknowledged.
/// </summary>
public sealed class Driver(DriverOptions o)
{
    private readonly List<VirtualUser> _users = [];
    private readonly List<string> _rows = [];
    private bool _correctnessFailed;

    public const string TableHeader = """
        | scenario | load | requests | errors | req/s | p50 ms | p90 ms | p99 ms | max ms | CPU | target | met | verification |
        |---|---|---:|---|---:|---:|---:|---:|---:|---|---|---|---|
        """;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        Console.WriteLine($"# exam load: {o.Scenario} against {o.BaseUrl} — {Environment.ProcessorCount} cores, {MemoryText()}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine("(server and driver share this machine: the driver's CPU use is taken from the server)");
        Console.WriteLine($"host speed: {HostSpeedText()} (bench/CertPlatform.LoadDriver/HostSpeed.cs; compare runs only at similar figures)");
        try
        {
            var needed = o.Scenario == "ceiling" ? Math.Min(o.Users, o.CeilingConnections) : o.Users;
            await SignInAllAsync(needed, ct);
            if (o.Scenario == "users") return 0;
            if (o.Warmup) await WarmupAsync(ct);

            var all = o.Scenario == "all";
            if (all || o.Scenario == "start-storm") await StartStormAsync(ct);
            if (all || o.Scenario == "steady") await SteadyAsync(ct);
            if (all || o.Scenario == "ceiling") await CeilingAsync(ct);
            if (all || o.Scenario == "submit-storm") await SubmitStormAsync(ct);

            Console.WriteLine();
            Console.WriteLine(TableHeader);
            foreach (var row in _rows) Console.WriteLine(row);
            Console.WriteLine($"host speed after the run: {HostSpeedText()}");
            if (o.ResultsFile is { } file)
            {
                var text = (File.Exists(file) ? "" : TableHeader + Environment.NewLine) + string.Join(Environment.NewLine, _rows) + Environment.NewLine;
                await File.AppendAllTextAsync(file, text, ct);
            }
            if (_correctnessFailed) Console.WriteLine("CORRECTNESS FAILURE: see the verification lines above");
            return _correctnessFailed ? 1 : 0;
        }
        finally
        {
            foreach (var u in _users) u.Dispose();
        }
    }

    // ---------------------------------------------------------------- preparation (not timed)

    private async Task SignInAllAsync(int count, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        var users = Enumerable.Range(1, count).Select(i => new VirtualUser(i, o.EmailOf(i), o.Password, o.BaseUrl)).ToArray();
        _users.AddRange(users);
        var saved = o.SessionsFile is { } file && File.Exists(file)
            ? JsonSerializer.Deserialize<Dictionary<string, List<SavedCookie>>>(await File.ReadAllTextAsync(file, ct)) ?? []
            : [];
        int done = 0, resumed = 0;
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = o.SetupParallelism, CancellationToken = ct }, async (u, token) =>
        {
            if (saved.TryGetValue(u.Email, out var cookies) && await u.ResumeAsync(cookies, token)) Interlocked.Increment(ref resumed);
            else await u.SignInAsync(token);
            var n = Interlocked.Increment(ref done);
            if (n % 500 == 0) Console.WriteLine($"  signed in {n:N0}/{count:N0} ({sw.Elapsed.TotalSeconds:0} s)");
        });
        if (o.SessionsFile is { } target)
        {
            foreach (var u in users) saved[u.Email] = [.. u.ExportCookies()];
            await File.WriteAllTextAsync(target, JsonSerializer.Serialize(saved), ct);
        }
        Console.WriteLine($"setup: {count:N0} users signed in ({resumed:N0} resumed saved sessions, the others logged in) in {sw.Elapsed.TotalSeconds:0.0} s — not timed");
    }

    /// <summary>
    /// One extra user goes through start, saves, reads and submit on another paper, so the storms
    /// measure a server that has run the exam code before (JIT, caches, connection pool), as it would
    /// have on exam day, without touching the paper under test.
    /// </summary>
    private async Task WarmupAsync(CancellationToken ct)
    {
        using var u = new VirtualUser(0, o.EmailOf(0), o.Password, o.BaseUrl);
        await u.SignInAsync(ct);
        var start = await u.StartAsync(o.WarmupPaper, ct);
        if (start.Status != 201)
        {
            Console.WriteLine($"warm-up skipped: starting {o.WarmupPaper} gave {start.Outcome}");
            return;
        }
        var attempt = AttemptState.FromStart(start.Body);
        for (var i = 0; i < 300; i++)
        {
            var (r, seq, baseSeq, response) = attempt.NextSave();
            var saved = await u.SaveAsync(attempt.Id, r, seq, baseSeq, response, ct);
            if (saved.Status == 200) attempt.Acknowledge(r, seq);
            if (i % 50 == 0) await u.StateAsync(attempt.Id, ct);
        }
        await u.SubmitAsync(attempt.Id, ct);
        await u.SubmitAsync(attempt.Id, ct);
        Console.WriteLine($"warm-up: 1 start, 300 saves, 6 reads, 2 submits on {o.WarmupPaper}");
    }

    /// <summary>Gives users without an attempt one (untimed), for scenarios run on their own.</summary>
    private async Task EnsureAttemptsAsync(IEnumerable<VirtualUser> users, CancellationToken ct)
    {
        var missing = users.Where(u => u.Attempt is null).ToList();
        if (missing.Count == 0) return;
        var sw = Stopwatch.StartNew();
        await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = o.SetupParallelism, CancellationToken = ct }, async (u, token) =>
        {
            var r = await u.StartAsync(o.Paper, token);
            if (r.Status != 201) throw new InvalidOperationException($"{u.Email}: starting {o.Paper} gave {r.Outcome}: {Truncate(r.Body)}");
            u.Attempt = AttemptState.FromStart(r.Body);
        });
        Console.WriteLine($"setup: {missing.Count:N0} attempts started/resumed in {sw.Elapsed.TotalSeconds:0.0} s — not timed");
    }

    // ---------------------------------------------------------------- scenarios

    private async Task StartStormAsync(CancellationToken ct)
    {
        Title($"start-storm: {_users.Count:N0} starts of {o.Paper}, spread evenly over {o.StartWindowSeconds:0.#} s");
        var rec = new Recorder("start-storm", 201);
        var cpu = new CpuMeter(o, "start-storm");
        var window = TimeSpan.FromSeconds(o.StartWindowSeconds);
        var origin = OriginAfterLeadIn();
        rec.Start(origin);
        var resumed = 0;
        await Task.WhenAll(_users.Select((u, i) => Task.Run(async () =>
        {
            var lag = await WaitUntilAsync(origin, window * i / _users.Count, ct);
            var r = await u.StartAsync(o.Paper, ct);
            rec.Add(r, lag);
            if (r.Status != 201) return;
            u.Attempt = AttemptState.FromStart(r.Body);
            if (u.Attempt.Resumed) Interlocked.Increment(ref resumed);
        }, ct)));
        rec.Stop();
        var s = rec.Summarize();
        s = s with { Cpu = cpu.Read(s.Count) };
        s.Print();
        if (o.TimelineFile is { } timeline) rec.WriteTimeline(timeline);
        var distinct = _users.Where(u => u.Attempt is not null).Select(u => u.Attempt!.Id).Distinct().Count();
        Console.WriteLine($"attempts: {distinct:N0} distinct ids for {_users.Count:N0} users; {resumed:N0} were resumed (an attempt in progress from an earlier run)");
        var verification = distinct == s.Ok ? $"{distinct:N0} distinct attempts" : $"only {distinct:N0} distinct attempts for {s.Ok:N0} starts";
        if (distinct != s.Ok) _correctnessFailed = true;
        Row(s, $"{_users.Count:N0} starts in {o.StartWindowSeconds:0.#} s", "p99 < 2 s, 0 errors", s.P99 < 2000 && s.ErrorCount == 0, verification);
    }

    private async Task SteadyAsync(CancellationToken ct)
    {
        await EnsureAttemptsAsync(_users, ct);
        var interval = TimeSpan.FromSeconds(o.IntervalSeconds);
        var duration = TimeSpan.FromSeconds(o.SteadySeconds);
        Title($"steady: {_users.Count:N0} attempts, one save each every {o.IntervalSeconds:0.#} s (≈{_users.Count / o.IntervalSeconds:N0} req/s) for {o.SteadySeconds:0.#} s");
        var rec = new Recorder("steady", 200);
        var cpu = new CpuMeter(o, "steady");
        var origin = OriginAfterLeadIn();
        rec.Start(origin);
        await Task.WhenAll(_users.Select((u, i) => Task.Run(async () =>
        {
            // Phases spread evenly, so the offered load is flat rather than 2,000 saves every 5 s at once.
            var offset = interval * i / _users.Count;
            for (var due = offset; due < duration; due += interval)
            {
                var lag = await WaitUntilAsync(origin, due, ct);
                await SaveOnceAsync(u, rec, lag, ct);
            }
        }, ct)));
        rec.Stop();
        var s = rec.Summarize();
        s = s with { Cpu = cpu.Read(s.Count) };
        s.Print();
        if (o.TimelineFile is { } timeline) rec.WriteTimeline(timeline);
        var v = await VerifyAnswersAsync(_users, ct);
        Row(s, $"{_users.Count:N0} attempts × 1 save / {o.IntervalSeconds:0.#} s, {o.SteadySeconds:0} s", "p99 < 50 ms, 0 lost",
            s.P99 < 50 && v.Lost == 0 && v.Mismatched == 0, v.Text);
    }

    private async Task CeilingAsync(CancellationToken ct)
    {
        var workers = _users.Take(o.CeilingConnections).ToList();
        await EnsureAttemptsAsync(workers, ct);
        var duration = TimeSpan.FromSeconds(o.CeilingSeconds);
        Title($"ceiling: {workers.Count} closed loops (one connection each) saving for {o.CeilingSeconds:0.#} s");
        var rec = new Recorder("ceiling", 200);
        var cpu = new CpuMeter(o, "ceiling");
        var origin = Stopwatch.GetTimestamp();
        rec.Start();
        await Task.WhenAll(workers.Select(u => Task.Run(async () =>
        {
            while (Stopwatch.GetElapsedTime(origin) < duration) await SaveOnceAsync(u, rec, 0, ct);
        }, ct)));
        rec.Stop();
        var s = rec.Summarize();
        s = s with { Cpu = cpu.Read(s.Count) };
        s.Print();
        if (o.TimelineFile is { } timeline) rec.WriteTimeline(timeline);
        var v = await VerifyAnswersAsync(workers, ct);
        Row(s, $"{workers.Count} connections, closed loop, {o.CeilingSeconds:0} s", "≥ 10,000 acknowledged saves/s",
            s.OkPerSecond >= 10_000 && v.Lost == 0 && v.Mismatched == 0, $"{s.OkPerSecond:N0} acked/s; " + v.Text);
    }

    private async Task SubmitStormAsync(CancellationToken ct)
    {
        await EnsureAttemptsAsync(_users, ct);
        Title($"submit-storm: {_users.Count:N0} submits spread evenly over {o.SubmitWindowSeconds:0.#} s");
        var rec = new Recorder("submit-storm", 200);
        var cpu = new CpuMeter(o, "submit-storm");
        var window = TimeSpan.FromSeconds(o.SubmitWindowSeconds);
        var origin = OriginAfterLeadIn();
        rec.Start(origin);
        await Task.WhenAll(_users.Select((u, i) => Task.Run(async () =>
        {
            var lag = await WaitUntilAsync(origin, window * i / _users.Count, ct);
            var r = await u.SubmitAsync(u.Attempt!.Id, ct);
            rec.Add(r, lag);
            if (r.Status == 200) u.SubmitBody = r.Body;
        }, ct)));
        rec.Stop();
        var s = rec.Summarize();
        s = s with { Cpu = cpu.Read(s.Count) };
        s.Print();
        if (o.TimelineFile is { } timeline) rec.WriteTimeline(timeline);
        var graded = await VerifySubmitsAsync(ct);
        var v = await VerifyAnswersAsync(_users, ct);
        Row(s, $"{_users.Count:N0} submits in {o.SubmitWindowSeconds:0.#} s", "p99 < 1 s, graded once",
            s.P99 < 1000 && s.ErrorCount == 0 && graded.Ok && v.Lost == 0 && v.Mismatched == 0, graded.Text + "; " + v.Text);
    }

    private static async Task SaveOnceAsync(VirtualUser u, Recorder rec, double lag, CancellationToken ct)
    {
        var attempt = u.Attempt!;
        var (questionRef, seq, baseSeq, response) = attempt.NextSave();
        var r = await u.SaveAsync(attempt.Id, questionRef, seq, baseSeq, response, ct);
        rec.Add(r, lag);
        if (r.Status == 200) attempt.Acknowledge(questionRef, seq);
        else if (r.Status == 409 && JsonNode.Parse(r.Body)?["storedSeq"] is { } stored) attempt.Conflicted(questionRef, (long)stored);
    }

    // ---------------------------------------------------------------- verification

    private sealed record AnswerCheck(int Attempts, int Acked, int Lost, int Mismatched, int Newer, int ReadErrors)
    {
        public string Text => $"{Acked:N0} acked answers in {Attempts:N0} attempts: {Lost} lost, {Mismatched} differ" +
            (Newer > 0 ? $", {Newer} newer than acked" : "") + (ReadErrors > 0 ? $", {ReadErrors} unreadable attempts" : "");
    }

    /// <summary>
    /// GET /api/attempts/{id} for every attempt with acknowledged answers: for each question the
    /// stored seq must be at least the newest acknowledged one, and if equal, the same response.
    /// A higher stored seq is allowed (a later save that timed out on the client may still have landed).
    /// </summary>
    private async Task<AnswerCheck> VerifyAnswersAsync(IEnumerable<VirtualUser> users, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        var checkedUsers = users.Where(u => u.Attempt is { AckedCount: > 0 }).ToList();
        int acked = 0, lost = 0, mismatched = 0, newer = 0, readErrors = 0;
        var examples = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await Parallel.ForEachAsync(checkedUsers, new ParallelOptions { MaxDegreeOfParallelism = o.SetupParallelism, CancellationToken = ct }, async (u, token) =>
        {
            var attempt = u.Attempt!;
            var state = await u.StateAsync(attempt.Id, token);
            if (state.Status != 200)
            {
                Interlocked.Increment(ref readErrors);
                examples.Enqueue($"{attempt.Id}: GET gave {state.Outcome}");
                return;
            }
            var stored = JsonNode.Parse(state.Body)!["answers"]!.AsArray().ToDictionary(a => (int)a!["ref"]!, a => a!);
            foreach (var (questionRef, a) in attempt.AckedAnswers())
            {
                Interlocked.Increment(ref acked);
                if (!stored.TryGetValue(questionRef, out var s) || (long)s["seq"]! < a.Seq)
                {
                    Interlocked.Increment(ref lost);
                    examples.Enqueue($"{attempt.Id} ref {questionRef}: acked seq {a.Seq}, stored {(s is null ? "nothing" : s["seq"]!.ToJsonString())}");
                }
                else if ((long)s["seq"]! > a.Seq) Interlocked.Increment(ref newer);
                else if (!Answers.Matches(a.Response, s["response"]))
                {
                    Interlocked.Increment(ref mismatched);
                    examples.Enqueue($"{attempt.Id} ref {questionRef} seq {a.Seq}: sent {a.Response.ToJsonString()}, stored {s["response"]?.ToJsonString()}");
                }
            }
        });
        var check = new AnswerCheck(checkedUsers.Count, acked, lost, mismatched, newer, readErrors);
        Console.WriteLine($"verify answers ({sw.Elapsed.TotalSeconds:0.0} s): {check.Text}");
        foreach (var e in examples.Take(5)) Console.WriteLine("  " + e);
        if (lost > 0 || mismatched > 0 || readErrors > 0) _correctnessFailed = true;
        return check;
    }

    private sealed record SubmitCheck(int Submitted, int Finished, int SameOnRepeat, int ResultMatches, IReadOnlyList<string> Problems)
    {
        public bool Ok => Problems.Count == 0;
        public string Text => $"{Finished:N0}/{Submitted:N0} finished and graded, {SameOnRepeat:N0} identical on 2nd submit, {ResultMatches:N0} GET results match";
    }

    /// <summary>
    /// Every attempt whose submit got 200 must read back as finished and graded, a second submit
    /// must return the same body (graded once: a second grading would give a new finish/graded time),
    /// and the state's result must agree with it.
    /// </summary>
    private async Task<SubmitCheck> VerifySubmitsAsync(CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        var submitted = _users.Where(u => u.SubmitBody is not null).ToList();
        int finished = 0, same = 0, matches = 0;
        var problems = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await Parallel.ForEachAsync(submitted, new ParallelOptions { MaxDegreeOfParallelism = o.SetupParallelism, CancellationToken = ct }, async (u, token) =>
        {
            var id = u.Attempt!.Id;
            var first = JsonNode.Parse(u.SubmitBody!)!.AsObject();
            var state = await u.StateAsync(id, token);
            var again = await u.SubmitAsync(id, token);
            if (state.Status != 200 || again.Status != 200)
            {
                problems.Enqueue($"{id}: GET {state.Outcome}, 2nd submit {again.Outcome}");
                return;
            }
            var json = JsonNode.Parse(state.Body)!.AsObject();
            if ((string?)json["status"] == "Finished" && json["result"] is JsonObject result && (string?)result["grading"] is { } g && g != "None")
            {
                Interlocked.Increment(ref finished);
                // The state's result carries no certificate id (that is only handed out by submit).
                var firstWithoutCertificate = (JsonObject)first.DeepClone();
                firstWithoutCertificate.Remove("certificateId");
                var stateResult = (JsonObject)result.DeepClone();
                stateResult.Remove("certificateId");
                if (JsonNode.DeepEquals(firstWithoutCertificate, stateResult)) Interlocked.Increment(ref matches);
                else problems.Enqueue($"{id}: GET result {stateResult.ToJsonString()} differs from submit {first.ToJsonString()}");
            }
            else problems.Enqueue($"{id}: not finished and graded after submit: {Truncate(state.Body)}");
            if (JsonNode.DeepEquals(first, JsonNode.Parse(again.Body))) Interlocked.Increment(ref same);
            else problems.Enqueue($"{id}: 2nd submit {Truncate(again.Body)} differs from 1st {first.ToJsonString()}");
        });
        var check = new SubmitCheck(submitted.Count, finished, same, matches, problems.ToList());
        Console.WriteLine($"verify submits ({sw.Elapsed.TotalSeconds:0.0} s): {check.Text}");
        foreach (var p in check.Problems.Take(5)) Console.WriteLine("  " + p);
        if (!check.Ok) _correctnessFailed = true;
        return check;
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>Waits for a request's scheduled moment; returns how late it is (ms) when it leaves.</summary>
    /// <summary>
    /// The time an open-loop scenario's schedule starts: two seconds from now. Each of the 10,000 virtual users' loops is
    /// started as its own work item, and at the start all of them sit in the driver's thread-pool queue at once (it showed
    /// ≤ 9,997 items); with the schedule starting at once, the first second's requests were sent and answered while that
    /// queue drained, so their recorded latency held the driver's own start-up (in one steady run 1,428 saves of the first
    /// second took up to 791 ms). With the lead-in the queue has drained before the first request is due.
    /// </summary>
    private static long OriginAfterLeadIn() => Stopwatch.GetTimestamp() + 2 * Stopwatch.Frequency;

    private static async Task<double> WaitUntilAsync(long origin, TimeSpan due, CancellationToken ct)
    {
        var remaining = due - Stopwatch.GetElapsedTime(origin);
        if (remaining > TimeSpan.FromMilliseconds(1)) await Task.Delay(remaining, ct);
        return Math.Max(0, (Stopwatch.GetElapsedTime(origin) - due).TotalMilliseconds);
    }

    private void Row(Summary s, string load, string target, bool met, string verification)
    {
        var row = string.Create(CultureInfo.InvariantCulture,
            $"| {s.Scenario} | {load} | {s.Count:N0} | {s.ErrorText} | {s.Throughput:N0} | {s.P50:0.0} | {s.P90:0.0} | {s.P99:0.0} | {s.Max:0.0} | {s.Cpu} | {target} | {(met ? "yes" : "**no**")} | {verification} |");
        _rows.Add(row);
        Console.WriteLine(row);
    }

    private static void Title(string text)
    {
        Console.WriteLine();
        Console.WriteLine("## " + text);
        Console.WriteLine($"load average before: {LoadAverage()}; host speed: {HostSpeedText()}");
    }

    private static string HostSpeedText() => string.Create(CultureInfo.InvariantCulture, $"fixed work {HostSpeed.MeasureMilliseconds():0.0} ms (fastest of 11, lower = faster)");

    /// <summary>/proc/loadavg: on a shared machine, the one number that says whether a run was disturbed.</summary>
    private static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
        catch (UnauthorizedAccessException) { return "unknown"; }
    }

    private static string Truncate(string s) => s.Length <= 300 ? s : s[..300] + "…";

    private static string MemoryText()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            var kb = long.Parse(line!.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            return $"{kb / 1024.0 / 1024.0:0.0} GiB RAM";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or NullReferenceException or IndexOutOfRangeException)
        {
            return "RAM unknown";
        }
    }
}
