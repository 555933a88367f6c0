using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace CertPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// The real server as its own OS process (<c>dotnet CertPlatform.Web.dll</c>), for what an in-process
/// host cannot show: a SIGKILL in the middle of work, and a restart on the same database file.
/// Runs in Development (the auth cookie is only Secure-only outside it, and this is plain http on
/// loopback) on a free loopback port, with its database and Data Protection keys in
/// <paramref name="dataFolder"/> so nothing is written into the repository.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private const string WebAssembly = "CertPlatform.Web.dll";
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the server wrote (stdout and stderr), for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    public static string DatabasePath(string dataFolder) => Path.Combine(dataFolder, "server.db");

    public static ServerProcess Start(string dataFolder, IReadOnlyDictionary<string, string>? settings = null)
    {
        var (dll, extraArgs) = LocateWebAssembly();
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var a in extraArgs) start.ArgumentList.Add(a);
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        // Views are compiled into the assembly, but wwwroot and the content folder are found from the content root.
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "src", "CertPlatform.Web"));

        // Whatever the test runner's environment says about hosting must not leak into the server.
        foreach (var inherited in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_ENVIRONMENT", "ASPNETCORE_HOSTINGSTARTUPASSEMBLIES" })
            start.Environment.Remove(inherited);
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Database:ConnectionString"] = $"Data Source={DatabasePath(dataFolder)}",
            ["DataProtection:KeysPath"] = Path.Combine(dataFolder, "keys"),
            ["DemoData:Enabled"] = "true",
            ["RateLimits:LoginPerMinute"] = "1000",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Logging:Json"] = "false",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string>()) env[k] = v;
        foreach (var (k, v) in env) start.Environment[k.Replace(":", "__", StringComparison.Ordinal)] = v;

        var process = new Process { StartInfo = start };
        var server = new ServerProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        if (!process.Start()) throw new InvalidOperationException($"could not start {start.FileName} {string.Join(' ', start.ArgumentList)}");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 200) _output.TryDequeue(out _);
    }

    /// <summary>Polls GET /healthz until it answers 200 (database migrated and reachable).</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"the server exited with code {_process.ExitCode} during start-up:{Environment.NewLine}{Output}");
            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { } // not listening yet
            catch (TaskCanceledException) { } // listening but busy starting
            await Task.Delay(250);
        }
        throw new TimeoutException($"the server was not ready within {timeout.TotalSeconds:0} s:{Environment.NewLine}{Output}");
    }

    /// <summary>SIGKILL on Linux (TerminateProcess on Windows): no shutdown code runs, exactly like a crash or kill -9.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        if (!_process.WaitForExit(30_000)) throw new TimeoutException($"server process {_process.Id} did not die within 30 s of SIGKILL");
    }

    /// <summary>
    /// SIGTERM (what systemd, Docker and Kubernetes send to stop a service): the host shuts down in order —
    /// Kestrel stops taking requests and finishes those in flight, then the hosted services stop. Returns
    /// the exit code; throws if the process has not exited within <paramref name="timeout"/>.
    /// </summary>
    public int Terminate(TimeSpan timeout)
    {
        if (_process.HasExited) return _process.ExitCode;
        if (SendSignal(_process.Id, SigTerm) != 0) throw new InvalidOperationException($"kill(SIGTERM) of pid {_process.Id} failed: errno {Marshal.GetLastPInvokeError()}");
        if (!_process.WaitForExit((int)timeout.TotalMilliseconds))
            throw new TimeoutException($"server process {_process.Id} did not exit within {timeout.TotalSeconds:0} s of SIGTERM:{Environment.NewLine}{Output}");
        _process.WaitForExit(); // flushes the redirected output
        return _process.ExitCode;
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    public void Dispose()
    {
        try { Kill(); }
        catch (InvalidOperationException) { } // never started or already reaped
        finally { _process.Dispose(); }
    }

    /// <summary>The folder holding CertPlatform.sln, found by walking up from the test assembly.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CertPlatform.sln"))) return dir.FullName;
        throw new InvalidOperationException($"CertPlatform.sln not found above {AppContext.BaseDirectory}");
    }

    /// <summary>
    /// The web app's assembly and the host arguments to run it. The test project references the web
    /// project, so its build output (with runtimeconfig and deps files) lands next to the tests; if a
    /// runner copied only the assemblies, the test project's own runtimeconfig/deps describe the same
    /// dependency closure (the web project's frameworks and packages flow into it) and are used instead.
    /// </summary>
    private static (string Dll, string[] HostArgs) LocateWebAssembly()
    {
        var folder = AppContext.BaseDirectory;
        var dll = Path.Combine(folder, WebAssembly);
        if (!File.Exists(dll)) throw new InvalidOperationException($"{WebAssembly} is not in {folder}: does the test project still reference the web project?");
        if (File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json"))) return (dll, []);
        var testName = typeof(ServerProcess).Assembly.GetName().Name!;
        return (dll, ["exec", "--runtimeconfig", Path.Combine(folder, testName + ".runtimeconfig.json"), "--depsfile", Path.Combine(folder, testName + ".deps.json")]);
    }

    private static int FreePort()
    {
        // Port 0 lets the OS pick a free one; the tiny window before the server binds it is acceptable for tests.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
