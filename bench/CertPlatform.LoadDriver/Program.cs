using CertPlatform.LoadDriver;

// Exam-engine load driver (bench/TARGETS.md performance targets, docs/api.md contract). Real HTTP against a
// running server on loopback; bench/exam-load.sh starts a fresh server and runs every scenario.
//   dotnet run -c Release --project bench/CertPlatform.LoadDriver -- all --base-url http://127.0.0.1:5099
// Exit code: 0 = ran and every acknowledged answer / submit checked out (targets are reported, not enforced);
// 1 = correctness failure (lost or wrong answers, attempts not graded once); 2 = bad command line.
var options = DriverOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(DriverOptions.Usage);
    return 2;
}

if (options.Scenario == "host-speed")
{
    Console.WriteLine($"host speed: fixed work {HostSpeed.MeasureMilliseconds():0.0} ms (fastest of 11, lower = faster), load average {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}");
    return 0;
}

// Thousands of virtual users wake up together at the start of a storm: without a higher floor the
// thread pool injects threads slowly and the driver's own queueing would be measured as latency.
ThreadPool.GetMinThreads(out var workers, out var io);
ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};
try
{
    return await new Driver(options).RunAsync(cts.Token);
}
catch (OperationCanceledException) when (cts.IsCancellationRequested)
{
    Console.Error.WriteLine("cancelled");
    return 130;
}
