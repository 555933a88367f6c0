using System.Net;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Features.Exams;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CertPlatform.IntegrationTests.Features.Cluster;

/// <summary>
/// Two instances of the site (two app hosts in this process) on one fresh PostgreSQL database, sharing what the
/// cluster setup in docs/deploy.md shares: the Data Protection key ring folder and the export folder. One fake clock
/// drives both. Every question upload becomes a background preview job. The overdue finisher's loop is not started: the tests run both instances' rounds themselves, at once.
/// </summary>
public sealed class TwoInstances : IDisposable
{
    private readonly PostgresDatabase _database = new();
    private readonly string _shared = Path.Combine(Path.GetTempPath(), "certplatform-cluster-" + Guid.NewGuid().ToString("N"));

    public TwoInstances()
    {
        A = Instance();
        _ = A.Services; // the first instance migrates and seeds; the second then starts on a ready database
        B = Instance();
        _ = B.Services;
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    public AppFactory A { get; }
    public AppFactory B { get; }
    public string ExportFolder => Path.Combine(_shared, "exports");

    private AppFactory Instance() => new AppFactory()
        .With("Database:Provider", "PostgreSQL").With("Database:ConnectionString", _database.ConnectionString)
        .With("DataProtection:KeysPath", Path.Combine(_shared, "keys"))
        .With("Records:ExportFolder", ExportFolder)
        .With("Records:DirectZipLimit", "2")
        .With("Exams:GraceSeconds", "10")
        .With("QuestionImport:BackgroundAboveBytes", "0") // every question upload is previewed by a background job
        .WithServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            foreach (var loop in s.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory?.Method.ReturnType == typeof(OverdueAttempts)).ToList())
                s.Remove(loop);
        });

    /// <summary>
    /// One browser (one cookie jar) whose requests go to instance A or B as <see cref="Router.Target"/> says: what a
    /// load balancer without sticky sessions does to a user.
    /// </summary>
    public (HttpClient Client, Router Router) Browser()
    {
        var router = new Router(A.Server.CreateHandler(), B.Server.CreateHandler());
        var client = new HttpClient(new CookieContainerHandler(new CookieContainer()) { InnerHandler = router })
        {
            BaseAddress = new Uri("https://localhost"),
        };
        return (client, router);
    }

    public sealed class Router(HttpMessageHandler a, HttpMessageHandler b) : HttpMessageHandler
    {
        private readonly HttpMessageInvoker _a = new(a), _b = new(b);
        public char Target { get; set; } = 'A';
        public List<char> Served { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            lock (Served) Served.Add(Target);
            return (Target == 'A' ? _a : _b).SendAsync(request, ct);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) { _a.Dispose(); _b.Dispose(); }
            base.Dispose(disposing);
        }
    }

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
        _database.Dispose();
        try { Directory.Delete(_shared, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
