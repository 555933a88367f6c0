using System.Diagnostics;
using System.Globalization;

namespace CertPlatform.LoadDriver;

/// <summary>
/// CPU time used by the server process(es) (from /proc/PID/stat; several: the instances of a cluster, summed) and by this
/// driver over one scenario. Server and driver share the machine, so this says who had the cores: a server near 200 %
/// (2 cores) is CPU-bound; a server well below it while latency is high is waiting (locks, sleeps, I/O) or was starved
/// by other processes (see the load average). With <see cref="DriverOptions.ScenarioHook"/> it also runs that command
/// just before the scenario (before its own readings start) and just after it (when the scenario is read).
/// </summary>
public sealed class CpuMeter
{
    private readonly IReadOnlyList<int> _serverPids;
    private readonly string? _hook;
    private readonly string _scenario;
    private readonly long _started;
    private readonly TimeSpan _server0;
    private readonly Dictionary<string, long> _waited0;
    private readonly TimeSpan _driver0;
    private readonly TimeSpan _driverGc0;
    private long _driverQueueMax;
    private readonly Timer _queueSampler;

    public CpuMeter(DriverOptions o, string scenario)
    {
        _serverPids = o.ServerPids;
        _hook = o.ScenarioHook;
        _scenario = scenario;
        RunHook("before", 0);
        _started = Stopwatch.GetTimestamp();
        _driver0 = Process.GetCurrentProcess().TotalProcessorTime;
        _driverGc0 = GC.GetTotalPauseDuration();
        _server0 = ServerTime() ?? TimeSpan.Zero;
        _waited0 = RunQueueWaits() ?? [];
        // The driver's thread-pool backlog, sampled every 100 ms: work items (request continuations, timers) waiting
        // for a thread. A backlog here delays sends and the reading of responses, i.e. it is driver lag, not server latency.
        _queueSampler = new Timer(_ =>
        {
            var pending = ThreadPool.PendingWorkItemCount;
            if (pending > Interlocked.Read(ref _driverQueueMax)) Interlocked.Exchange(ref _driverQueueMax, pending);
        }, null, 0, 100);
    }

    /// <summary>
    /// e.g. "server 185 %, driver 40 % (of 200 %); server run-queue wait 30 ms/s": percentages are of one
    /// core; the wait is thread-milliseconds per second in which server threads were ready but had no core.
    /// </summary>
    /// <param name="requests">Requests of the scenario: with a server pid, the server's CPU time per request is added
    /// (the figure of bench/TARGETS.md's "server CPU per acknowledged autosave", steadier than latency on a shared machine).</param>
    public string Read(int requests = 0)
    {
        var wall = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        var driver = (Process.GetCurrentProcess().TotalProcessorTime - _driver0).TotalSeconds / wall * 100;
        var server = ServerTime() is { } now
            ? $"server {(now - _server0).TotalSeconds / wall * 100:0} %" + (requests > 0 ? $" = {(now - _server0).TotalMilliseconds / requests:0.000} ms CPU per request" : "") + ", "
            : "";
        // Per thread, so threads that the pool retired meanwhile do not make the sum go backwards.
        var waited = RunQueueWaits() is { } w
            ? $"; server run-queue wait {w.Sum(t => t.Value - _waited0.GetValueOrDefault(t.Key)) / 1e6 / wall:0} ms/s"
            : "";
        // The driver's own stalls (its GC pauses hold every request it is timing) show here rather than as server latency.
        var gc = (GC.GetTotalPauseDuration() - _driverGc0).TotalMilliseconds;
        _queueSampler.Dispose();
        RunHook("after", requests);
        return $"{server}driver {driver:0} % (of {Environment.ProcessorCount * 100} %){waited}; driver GC pauses {gc:0} ms, thread-pool queue ≤ {Interlocked.Read(ref _driverQueueMax)}";
    }

    /// <summary>
    /// Time the server's threads spent ready to run but waiting for a core (second field of
    /// /proc/PID/task/TID/schedstat, ns), summed over its live threads, in ns. On a machine shared with
    /// other work (and with the driver) this is the direct measure of how much they delayed the server.
    /// </summary>
    private Dictionary<string, long>? RunQueueWaits()
    {
        if (_serverPids.Count == 0) return null;
        try
        {
            var waits = new Dictionary<string, long>();
            foreach (var pid in _serverPids)
            {
                foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
                {
                    // Thread ids are unique on the machine, so the threads of several processes share one dictionary.
                    try { waits[Path.GetFileName(task)] = long.Parse(File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ')[1], CultureInfo.InvariantCulture); }
                    catch (IOException) { } // the thread ended meanwhile
                }
            }
            return waits;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private TimeSpan? ServerTime()
    {
        if (_serverPids.Count == 0) return null;
        try
        {
            var ticks = 0L;
            foreach (var pid in _serverPids)
            {
                // Fields after the ")" that closes the command name: state is field 3, utime 14 and stime 15 (clock ticks).
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>
    /// Runs the --scenario-hook command and waits for it (at most a minute). Outside the scenario's timing; a failing
    /// hook is reported and the run goes on (its figures are then missing, not wrong).
    /// </summary>
    private void RunHook(string phase, int requests)
    {
        if (_hook is null) return;
        var start = new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", _hook }, UseShellExecute = false };
        start.Environment["CERTPLATFORM_HOOK_PHASE"] = phase;
        start.Environment["CERTPLATFORM_SCENARIO"] = _scenario;
        start.Environment["CERTPLATFORM_REQUESTS"] = requests.ToString(CultureInfo.InvariantCulture);
        try
        {
            using var hook = Process.Start(start)!;
            if (!hook.WaitForExit(TimeSpan.FromMinutes(1)))
            {
                hook.Kill(entireProcessTree: true);
                Console.Error.WriteLine($"scenario hook ({phase} {_scenario}) did not finish within a minute: stopped");
            }
            else if (hook.ExitCode != 0) Console.Error.WriteLine($"scenario hook ({phase} {_scenario}) exited with {hook.ExitCode}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.Error.WriteLine($"scenario hook ({phase} {_scenario}) could not start: {e.Message}");
        }
    }
}
