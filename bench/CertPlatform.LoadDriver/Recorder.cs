using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace CertPlatform.LoadDriver;

/// <summary>
/// Collects every request of a scenario. All latencies are kept and sorted at the end (exact
/// percentiles; a few hundred thousand doubles is nothing), so no histogram bucketing is involved.
/// </summary>
public sealed class Recorder(string scenario, int expectedStatus)
{
    private readonly object _gate = new();
    private readonly List<double> _latencies = new(1 << 16);
    private readonly List<double> _lags = new(1 << 16);
    private readonly List<DateTime> _sent = new(1 << 16);
    private readonly List<double> _withoutDriverGc = new(1 << 16);
    private readonly List<bool> _failed = new(1 << 16);
    private readonly string _expected = expectedStatus.ToString(CultureInfo.InvariantCulture);
    private DateTime _startedUtc;
    private readonly ConcurrentDictionary<string, int> _outcomes = new();
    private long _started;
    private long _stopped;

    public string Scenario { get; } = scenario;

    public void Start() => Start(Stopwatch.GetTimestamp());
    /// <summary>Starts the clock at <paramref name="timestamp"/> (a <see cref="Stopwatch"/> timestamp, possibly a moment ahead: the schedule's origin).</summary>
    public void Start(long timestamp)
    {
        _started = timestamp;
        var ahead = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp); // negative when the timestamp has passed
        _startedUtc = DateTime.UtcNow + ahead;
    }
    public void Stop() => _stopped = Stopwatch.GetTimestamp();

    /// <param name="lagMs">How late the driver sent the request against its schedule (open-loop scenarios): if this grows, the driver, not the server, was the limit.</param>
    public void Add(HttpResult r, double lagMs = 0)
    {
        lock (_gate)
        {
            _latencies.Add(r.Milliseconds);
            _lags.Add(lagMs);
            _sent.Add(DateTime.UtcNow.AddMilliseconds(-r.Milliseconds));
            if (!r.SawDriverGc) _withoutDriverGc.Add(r.Milliseconds);
            _failed.Add(r.Outcome != _expected);
        }
        _outcomes.AddOrUpdate(r.Outcome, 1, (_, n) => n + 1);
    }

    public Summary Summarize()
    {
        double[] ms, lags, clean;
        DateTime[] sent;
        lock (_gate)
        {
            ms = [.. _latencies];
            lags = [.. _lags];
            sent = [.. _sent];
            clean = [.. _withoutDriverGc];
        }
        var tail = TailText(ms, sent);
        Array.Sort(ms);
        Array.Sort(lags);
        Array.Sort(clean);
        var ok = _outcomes.GetValueOrDefault(expectedStatus.ToString(CultureInfo.InvariantCulture));
        var errors = _outcomes.Where(kv => kv.Key != expectedStatus.ToString(CultureInfo.InvariantCulture))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary();
        var seconds = Stopwatch.GetElapsedTime(_started, _stopped == 0 ? Stopwatch.GetTimestamp() : _stopped).TotalSeconds;
        return new Summary(Scenario, expectedStatus, ms.Length, ok, errors, seconds,
            Percentile(ms, 0.50), Percentile(ms, 0.90), Percentile(ms, 0.99), ms.Length == 0 ? 0 : ms[^1], Percentile(lags, 0.99))
        {
            Tail = tail,
            SawDriverGc = ms.Length - clean.Length,
            P99WithoutDriverGc = Percentile(clean, 0.99),
        };
    }

    /// <summary>
    /// The tail in counts (requests over 100 ms and over 500 ms) and in time: the wall-clock seconds (UTC) in which the
    /// slow requests were sent, the worst eight in time order, so a stall shows as one second with many slow requests
    /// and can be matched with the server's log (e.g. its slow autosave batches) and the driver's own GC pauses.
    /// </summary>
    private static string TailText(double[] ms, DateTime[] sent)
    {
        var over100 = 0;
        var over500 = 0;
        var bySecond = new Dictionary<DateTime, (int Count, double Max)>();
        for (var i = 0; i < ms.Length; i++)
        {
            if (ms[i] <= 100) continue;
            over100++;
            if (ms[i] > 500) over500++;
            var second = new DateTime(sent[i].Ticks - sent[i].Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
            var (count, max) = bySecond.GetValueOrDefault(second);
            bySecond[second] = (count + 1, Math.Max(max, ms[i]));
        }
        var worst = bySecond.OrderByDescending(kv => kv.Value.Count).Take(8).OrderBy(kv => kv.Key)
            .Select(kv => $"{kv.Key:HH:mm:ss} {kv.Value.Count}× ≤ {kv.Value.Max:0} ms");
        var share = ms.Length == 0 ? 0 : 100.0 * over100 / ms.Length;
        return $"over 100 ms: {over100:N0} ({share:0.00} %), over 500 ms: {over500:N0}" +
            (bySecond.Count == 0 ? "" : $"; slow requests by second sent (UTC, {bySecond.Count} seconds with any): {string.Join(", ", worst)}");
    }

    /// <summary>The header of <see cref="WriteTimeline"/>'s CSV.</summary>
    public const string TimelineHeader = "scenario,second,utc_epoch,requests,p50_ms,p99_ms,max_ms,errors";

    /// <summary>
    /// Appends one CSV row per second of the scenario to <paramref name="path"/> (the header first when the file is new or
    /// empty): the requests sent in that second (by send time, counted from the schedule's start; <c>utc_epoch</c> is the
    /// same second in Unix time, to line up with samples of the server), their p50, p99 and max latency, and how many did
    /// not get the expected status. bench/stall-timeline.py joins it with the server's per-second samples.
    /// </summary>
    public void WriteTimeline(string path)
    {
        double[] ms;
        DateTime[] sent;
        bool[] failed;
        lock (_gate)
        {
            ms = [.. _latencies];
            sent = [.. _sent];
            failed = [.. _failed];
        }
        var bySecond = new SortedDictionary<long, (List<double> Ms, int Errors)>();
        for (var i = 0; i < ms.Length; i++)
        {
            var second = (long)Math.Floor((sent[i] - _startedUtc).TotalSeconds);
            if (!bySecond.TryGetValue(second, out var bucket)) bySecond[second] = bucket = ([], 0);
            bucket.Ms.Add(ms[i]);
            if (failed[i]) bySecond[second] = bucket with { Errors = bucket.Errors + 1 };
        }
        var startEpoch = new DateTimeOffset(_startedUtc).ToUnixTimeMilliseconds() / 1000.0;
        var text = new System.Text.StringBuilder();
        if (!File.Exists(path) || new FileInfo(path).Length == 0) text.AppendLine(TimelineHeader);
        foreach (var (second, (list, errors)) in bySecond)
        {
            var sorted = list.ToArray();
            Array.Sort(sorted);
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{Scenario},{second},{Math.Floor(startEpoch + second):0},{sorted.Length},{Percentile(sorted, 0.50):0.0},{Percentile(sorted, 0.99):0.0},{sorted[^1]:0.0},{errors}"));
        }
        File.AppendAllText(path, text.ToString());
    }

    /// <summary>Nearest-rank percentile of a sorted array.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

public sealed record Summary(string Scenario, int ExpectedStatus, int Count, int Ok, IReadOnlyDictionary<string, int> Errors, double Seconds,
    double P50, double P90, double P99, double Max, double LagP99)
{
    /// <summary>CPU use of server and driver during the scenario (<see cref="CpuMeter"/>).</summary>
    public string Cpu { get; init; } = "";
    /// <summary>Counts over 100 / 500 ms and the seconds in which the slow requests were sent.</summary>
    public string Tail { get; init; } = "";
    /// <summary>Requests during which the driver itself collected garbage (<see cref="HttpResult.SawDriverGc"/>).</summary>
    public int SawDriverGc { get; init; }
    /// <summary>p99 of the other requests: the latency a browser on its own machine would have seen, as far as the driver's pauses go.</summary>
    public double P99WithoutDriverGc { get; init; }
    public int ErrorCount => Errors.Values.Sum();
    public double Throughput => Seconds > 0 ? Count / Seconds : 0;
    public double OkPerSecond => Seconds > 0 ? Ok / Seconds : 0;

    public string ErrorText => Errors.Count == 0 ? "0" : string.Join(", ", Errors.Select(kv => $"{kv.Key}×{kv.Value}"));

    public void Print()
    {
        Console.WriteLine($"requests {Count:N0}, {ExpectedStatus}: {Ok:N0}, other: {ErrorText}");
        Console.WriteLine($"elapsed {Seconds:0.00} s, {Throughput:N0} req/s, {OkPerSecond:N0} {ExpectedStatus}/s");
        Console.WriteLine($"latency ms: p50 {P50:0.0}  p90 {P90:0.0}  p99 {P99:0.0}  max {Max:0.0}");
        if (Tail.Length > 0) Console.WriteLine($"tail: {Tail}");
        if (Count > 0)
            Console.WriteLine($"driver GC during the request: {SawDriverGc:N0} requests ({100.0 * SawDriverGc / Count:0.0} %); p99 of the others {P99WithoutDriverGc:0.0} ms");
        if (Cpu.Length > 0) Console.WriteLine($"CPU: {Cpu}");
        Console.WriteLine($"driver send lag p99 {LagP99:0.0} ms (how late requests left against the schedule)");
        try { Console.WriteLine($"load average after: {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}"); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
