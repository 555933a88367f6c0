using System.Globalization;
using System.Net;

namespace CertPlatform.LoadDriver;

/// <summary>Command line of the driver. Defaults are the bench/TARGETS.md scenarios.</summary>
public sealed class DriverOptions
{
    public static readonly string[] Scenarios = ["users", "start-storm", "steady", "ceiling", "submit-storm", "all", "host-speed"];

    public const string Usage = """
        usage: CertPlatform.LoadDriver <scenario> [options]
          scenarios:
            users          sign in every virtual user (accounts created beforehand: CertPlatform.Bench accounts), then stop
            start-storm    every user starts the paper; arrivals spread evenly over --start-window seconds
            steady         every user's attempt saves one answer every --interval seconds for --duration seconds
            ceiling        closed loop: --connections users save as fast as they can for --ceiling-duration seconds
            submit-storm   every user submits; arrivals spread evenly over --submit-window seconds
            all            the four scenarios in this order, on the same users and attempts
            host-speed     only time the fixed CPU work every run prints before each scenario (HostSpeed.cs), then stop;
                           no server needed — run it before and after a series of runs to see whether the host changed
          options (defaults in brackets):
            --base-url URL           server; loopback only [http://127.0.0.1:5099]
            --users N                virtual users / attempts [2000]
            --paper ID               paper to sit [mock-part1]
            --start-window S         [10]
            --duration S             steady duration [60]
            --interval S             steady: seconds between one user's saves [5]
            --ceiling-duration S     [30]
            --connections N          ceiling: concurrent closed loops, one connection each [64]
            --submit-window S        [30]
            --email-prefix P         accounts are P00001@bench.local … [load]
            --password PW            password of those accounts [Bench-load-2026]
            --setup-parallelism N    concurrent sign-ins / untimed starts / verification reads [16]
            --no-warmup              skip the warm-up user (otherwise one user exercises start/save/get/submit on mock-part2 first)
            --results FILE           also append the markdown table rows to FILE
            --server-pid PID[,PID…]  the server's process id(s) on this machine (several: the instances of a cluster):
                                     report their CPU use, summed, per scenario
            --scenario-hook CMD      run CMD (/bin/sh -c) just before each timed scenario and just after it, outside the
                                     timing; it gets CERTPLATFORM_HOOK_PHASE=before|after, CERTPLATFORM_SCENARIO and (after)
                                     CERTPLATFORM_REQUESTS, e.g. to sample other processes or reset database statistics
            --sessions FILE          keep the users' cookies in FILE between runs (a later run resumes them instead of
                                     signing in again, which costs a password hash per user)
            --timeline FILE          append a per-second timeline of each timed scenario to FILE (CSV: scenario, second
                                     since the schedule's start, its Unix time, requests sent in it, p50, p99, max ms,
                                     errors); bench/stall-timeline.py joins it with samples of the server
        """;

    public string Scenario { get; private set; } = "";
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1:5099");
    public int Users { get; private set; } = 2000;
    public string Paper { get; private set; } = "mock-part1";
    public string WarmupPaper { get; private set; } = "mock-part2";
    public double StartWindowSeconds { get; private set; } = 10;
    public double SteadySeconds { get; private set; } = 60;
    public double IntervalSeconds { get; private set; } = 5;
    public double CeilingSeconds { get; private set; } = 30;
    public int CeilingConnections { get; private set; } = 64;
    public double SubmitWindowSeconds { get; private set; } = 30;
    public string EmailPrefix { get; private set; } = "load";
    public string Password { get; private set; } = "Bench-load-2026";
    public int SetupParallelism { get; private set; } = 16;
    public bool Warmup { get; private set; } = true;
    public string? ResultsFile { get; private set; }
    public string? SessionsFile { get; private set; }
    public string? TimelineFile { get; private set; }
    public IReadOnlyList<int> ServerPids { get; private set; } = [];
    public string? ScenarioHook { get; private set; }

    /// <summary>Null (after printing why) when the command line is not usable.</summary>
    public static DriverOptions? Parse(string[] args)
    {
        if (args.Length == 0 || !Scenarios.Contains(args[0]))
        {
            Console.Error.WriteLine(args.Length == 0 ? "missing scenario" : $"unknown scenario '{args[0]}'");
            return null;
        }
        var o = new DriverOptions { Scenario = args[0] };
        for (var i = 1; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--no-warmup") { o.Warmup = false; continue; }
            if (i + 1 >= args.Length)
            {
                Console.Error.WriteLine($"option {name} needs a value");
                return null;
            }
            var value = args[++i];
            try
            {
                switch (name)
                {
                    case "--base-url": o.BaseUrl = new Uri(value); break;
                    case "--users": o.Users = Positive(int.Parse(value, CultureInfo.InvariantCulture)); break;
                    case "--paper": o.Paper = value; break;
                    case "--start-window": o.StartWindowSeconds = Positive(double.Parse(value, CultureInfo.InvariantCulture)); break;
                    case "--duration": o.SteadySeconds = Positive(double.Parse(value, CultureInfo.InvariantCulture)); break;
                    case "--interval": o.IntervalSeconds = Positive(double.Parse(value, CultureInfo.InvariantCulture)); break;
                    case "--ceiling-duration": o.CeilingSeconds = Positive(double.Parse(value, CultureInfo.InvariantCulture)); break;
                    case "--connections": o.CeilingConnections = Positive(int.Parse(value, CultureInfo.InvariantCulture)); break;
                    case "--submit-window": o.SubmitWindowSeconds = Positive(double.Parse(value, CultureInfo.InvariantCulture)); break;
                    case "--email-prefix": o.EmailPrefix = value; break;
                    case "--password": o.Password = value; break;
                    case "--setup-parallelism": o.SetupParallelism = Positive(int.Parse(value, CultureInfo.InvariantCulture)); break;
                    case "--results": o.ResultsFile = value; break;
                    case "--sessions": o.SessionsFile = value; break;
                    case "--timeline": o.TimelineFile = value; break;
                    case "--server-pid":
                        o.ServerPids = [.. value.Split(',').Select(p => Positive(int.Parse(p, CultureInfo.InvariantCulture)))];
                        break;
                    case "--scenario-hook": o.ScenarioHook = value; break;
                    default:
                        Console.Error.WriteLine($"unknown option {name}");
                        return null;
                }
            }
            catch (Exception e) when (e is FormatException or OverflowException or UriFormatException or ArgumentOutOfRangeException)
            {
                Console.Error.WriteLine($"bad value for {name}: '{value}' ({e.Message})");
                return null;
            }
        }
        // Load is only ever aimed at this machine: a typo must not turn the driver on someone else's server.
        if (!IsLoopback(o.BaseUrl))
        {
            Console.Error.WriteLine($"refusing to load-test {o.BaseUrl.Host}: only loopback addresses are allowed");
            return null;
        }
        if (o.Scenario == "all" && o.Users < o.CeilingConnections)
        {
            Console.Error.WriteLine("--users must be at least --connections for 'all' (the ceiling reuses the first users' attempts)");
            return null;
        }
        return o;
    }

    private static T Positive<T>(T value) where T : System.Numerics.INumber<T> =>
        value > T.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), "must be positive");

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    public string EmailOf(int index) => $"{EmailPrefix}{index:D5}@bench.local";
}
