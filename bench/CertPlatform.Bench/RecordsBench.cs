using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;
using CertPlatform.Web.Infrastructure.Pdf;
using Microsoft.EntityFrameworkCore;

/// <summary>
/// HR exports against the real server: starts CertPlatform.Web (this configuration's build) as its own process on a
/// fresh SQLite file, inserts N certificates with stored PDFs (default 10,000; one real signed PDF reused), signs in
/// as the demo HR account over HTTP and times, including the full response body:
/// CSV and XLSX of all records, the bulk ZIP of all PDFs (background job: POST → status page polled → download)
/// and a 500-certificate ZIP streamed directly. The server's resident memory is read from /proc after each step.
/// </summary>
internal static partial class RecordsBench
{
    public static void Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var repo = RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(repo, "src", "CertPlatform.Web", "bin", configuration, "net10.0", "CertPlatform.Web.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("build the web project first", dll);
        var work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "certplatform-records-bench-" + Environment.ProcessId)).FullName;
        var signingPath = Path.Combine(work, "signing.pfx");
        var signer = CertificateSigner.LoadOrCreateDevelopment(signingPath);
        var dbPath = Path.Combine(work, "bench.db");
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");

        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        foreach (var a in new[] { dll, "--urls", baseAddress.ToString().TrimEnd('/'), "--contentRoot", Path.Combine(repo, "src", "CertPlatform.Web") }) start.ArgumentList.Add(a);
        foreach (var inherited in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "DOTNET_ENVIRONMENT" }) start.Environment.Remove(inherited);
        var env = new Dictionary<string, string>
        {
            // Development: the auth cookie is Secure-only elsewhere and this is plain http on loopback.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Database__ConnectionString"] = $"Data Source={dbPath}",
            ["DataProtection__KeysPath"] = Path.Combine(work, "keys"),
            ["Records__ExportFolder"] = Path.Combine(work, "exports"),
            ["Certificates__SigningCertificatePath"] = signingPath,
            ["DemoData__Enabled"] = "true",
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["Logging__Json"] = "false",
        };
        foreach (var (k, v) in env) start.Environment[k] = v;
        using var server = Process.Start(start) ?? throw new InvalidOperationException("could not start the server");
        var log = new List<string>();
        server.OutputDataReceived += (_, e) => { if (e.Data is { } l) lock (log) log.Add(l); };
        server.ErrorDataReceived += (_, e) => { if (e.Data is { } l) lock (log) log.Add(l); };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), AutomaticDecompression = DecompressionMethods.None };
            using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10) };
            await WaitReadyAsync(http, server, log);

            var seed = Stopwatch.StartNew();
            var pdf = new CertificatePdfRenderer(CertificateTemplate.Load(Path.Combine(ContentSetup.ResolveContentRoot(null, Path.Combine(repo, "src", "CertPlatform.Web")), CertificateTemplate.DefaultRelativePath)), signer)
                .Render(new CertificateContent("测试学员", "E00000001", "示例分公司", "VIP客户服务经理", "四级", "CP-2025-000000", "VIP客户服务经理岗位技能四级认证考试", 88m,
                    new DateOnly(2025, 3, 1), new DateOnly(2028, 3, 1), "https://certs.example.test/verify/abcdefghijklmnopqrstuvwxyz", null));
            await SeedAsync(dbPath, count, pdf);
            Console.WriteLine($"records bench: {count:N0} certificates ({pdf.Length / 1024.0:0.0} KiB PDF each, {count * (long)pdf.Length / 1048576.0:0} MiB of PDFs) seeded in {seed.Elapsed.TotalSeconds:0.0} s; server pid {server.Id}, {Environment.ProcessorCount} cores, {configuration}");
            Console.WriteLine($"  server RSS after start-up: {Rss(server.Id)}");

            await SignInAsync(http, "hr@demo.local", "Hr-demo-2026");
            await TimeAsync(http, "/records?page=2", "records page (50 rows, page 2)", 5, server.Id);
            await TimeAsync(http, "/records/export.csv", $"CSV, {count:N0} records", 3, server.Id);
            await TimeAsync(http, "/records/export.xlsx", $"XLSX, {count:N0} records", 3, server.Id);

            // ZIP of everything: above the direct limit, so a background job behind the status page.
            var token = await TokenAsync(http, "/records");
            var sw = Stopwatch.StartNew();
            using var post = await http.PostAsync("/records/export.zip", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
            if (post.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"ZIP export answered {(int)post.StatusCode}");
            var status = post.Headers.Location!.OriginalString;
            var polls = 0;
            string? download = null;
            while (download is null)
            {
                await Task.Delay(500);
                polls++;
                var page = await http.GetStringAsync(status);
                if (page.Contains("data-state=\"failed\"", StringComparison.Ordinal)) throw new InvalidOperationException("ZIP job failed");
                var m = DownloadLink().Match(page);
                if (m.Success) download = m.Groups[1].Value;
            }
            var built = sw.Elapsed;
            var rssBuilt = Rss(server.Id);
            var (bytes, _) = await DownloadAsync(http, download);
            Console.WriteLine($"  ZIP, {count:N0} PDFs, background job: built in {built.TotalSeconds:0.00} s ({count / built.TotalSeconds:0} PDFs/s, {polls} status polls), " +
                              $"downloaded {bytes / 1048576.0:0.0} MiB in {(sw.Elapsed - built).TotalSeconds:0.00} s; total {sw.Elapsed.TotalSeconds:0.00} s; server RSS when built {rssBuilt}");

            // A set under the direct limit streams straight into the response.
            var from = new DateOnly(2025, 1, 1);
            for (var run = 0; run < 3; run++)
            {
                var query = $"?from={from:yyyy-MM-dd}&to={from.AddDays(9):yyyy-MM-dd}"; // 10 days × 50 a day = 500 certificates
                token = await TokenAsync(http, "/records" + query);
                sw.Restart();
                using var request = new HttpRequestMessage(HttpMethod.Post, "/records/export.zip" + query)
                {
                    Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]),
                };
                using var zip = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                var first = sw.Elapsed;
                if (zip.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"direct ZIP answered {(int)zip.StatusCode}");
                var n = await CountAsync(zip);
                Console.WriteLine($"  ZIP, 500 PDFs, streamed: {sw.Elapsed.TotalSeconds:0.00} s, first byte after {first.TotalMilliseconds:0} ms, {n / 1048576.0:0.0} MiB; server RSS {Rss(server.Id)}");
                from = from.AddDays(10);
            }
            Console.WriteLine($"  server peak RSS (VmHWM) over the run: {Hwm(server.Id)}");
        }
        finally
        {
            if (!server.HasExited) { server.Kill(entireProcessTree: true); server.WaitForExit(30_000); }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task TimeAsync(HttpClient http, string url, string name, int runs, int pid)
    {
        var times = new List<double>();
        long size = 0;
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            (size, _) = await DownloadAsync(http, url);
            times.Add(sw.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"  {name}: {string.Join(" / ", times.Select(t => t.ToString("0.00", CultureInfo.InvariantCulture)))} s ({runs} runs), {size / 1048576.0:0.00} MiB; server RSS {Rss(pid)}");
    }

    private static async Task<(long Bytes, HttpStatusCode Status)> DownloadAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}");
        return (await CountAsync(response), response.StatusCode);
    }

    private static async Task<long> CountAsync(HttpResponseMessage response)
    {
        await using var s = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        long total = 0;
        int n;
        while ((n = await s.ReadAsync(buffer)) > 0) total += n;
        return total;
    }

    /// <summary>Certificates straight into the database the server uses (WAL: the server keeps running), 50 per issue day.</summary>
    private static async Task SeedAsync(string dbPath, int count, byte[] pdf)
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={dbPath};Default Timeout=60").Options;
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        string userId;
        await using (var db = new SqliteAppDbContext(options))
            userId = await db.Users.Where(u => u.Email == "trainee@demo.local").Select(u => u.Id).SingleAsync();
        const string surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
        for (var batch = 0; batch < count; batch += 1000)
        {
            await using var db = new SqliteAppDbContext(options);
            for (var i = batch; i < Math.Min(count, batch + 1000); i++)
            {
                var issued = new DateTimeOffset(2025, 1, 1, 1, 0, 0, TimeSpan.Zero).AddDays(i / 50).AddMinutes(i % 50);
                var attemptId = Hex();
                db.Attempts.Add(new Attempt
                {
                    Id = attemptId, PaperId = "level4-certification", UserId = userId, Number = i + 1, Status = AttemptStatus.Finished, StartedAt = issued.AddHours(-2),
                    Deadline = issued, FinishedAt = issued.AddHours(-1), LayoutJson = "{}", Grading = GradingStatus.Final, Score = 88, MaxScore = 100, PassMark = 60, Passed = true,
                });
                var id = Hex();
                db.Certificates.Add(new Certificate
                {
                    Id = id, Number = $"CP-2025-{i + 1:000000}", VerificationCode = Hex() + Hex(), AttemptId = attemptId, UserId = userId,
                    HolderName = $"{surnames[i % surnames.Length]}学员{i}", EmployeeNumber = $"E{i:00000000}", Organization = $"第{i % 37 + 1}营业部",
                    Title = "VIP客户服务经理", Level = "四级", PaperId = "level4-certification", PaperTitle = "VIP客户服务经理岗位技能四级认证考试", Score = 60 + i % 41,
                    PassedAt = issued, IssuedAt = issued, ExpiresAt = issued.AddYears(3),
                    Status = i % 97 == 0 ? CertificateStatus.Revoked : CertificateStatus.Valid, RevokedAt = i % 97 == 0 ? issued.AddDays(30) : null,
                    RevokedBy = i % 97 == 0 ? "hr@demo.local" : null, RevocationReason = i % 97 == 0 ? "=1+1 考试违纪" : null, PdfSha256 = sha, PdfLength = pdf.Length,
                });
                db.CertificateFiles.Add(new CertificateFile { CertificateId = id, Bytes = pdf });
            }
            await db.SaveChangesAsync();
        }
    }

    private static async Task SignInAsync(HttpClient http, string email, string password)
    {
        var token = await TokenAsync(http, "/account/login");
        using var response = await http.PostAsync("/account/login", new FormUrlEncodedContent([new("Email", email), new("Password", password), new("__RequestVerificationToken", token)]));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in as {email} answered {(int)response.StatusCode}");
    }

    private static async Task<string> TokenAsync(HttpClient http, string url)
    {
        var m = TokenPattern().Match(await http.GetStringAsync(url));
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException($"no antiforgery token on {url}");
    }

    private static async Task WaitReadyAsync(HttpClient http, Process server, List<string> log)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (server.HasExited) throw new InvalidOperationException("server exited during start-up:\n" + string.Join("\n", log));
            try
            {
                using var r = await http.GetAsync("/healthz");
                if (r.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException("server not ready within 2 minutes:\n" + string.Join("\n", log));
    }

    private static string Rss(int pid) => ProcStatus(pid, "VmRSS");
    private static string Hwm(int pid) => ProcStatus(pid, "VmHWM");

    private static string ProcStatus(int pid, string key)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal));
            return line is null ? "n/a" : $"{long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0:0} MiB";
        }
        catch (IOException) { return "n/a"; }
    }

    private static string Hex() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CertPlatform.sln"))) return dir.FullName;
        throw new InvalidOperationException("CertPlatform.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("href=\"(/records/zip-jobs/[0-9a-f]{32}/download)\"")]
    private static partial Regex DownloadLink();
}
