using System.Net;
using CertPlatform.IntegrationTests.Features.Exams;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace CertPlatform.IntegrationTests.Features.Cluster;

/// <summary>
/// Two instances started at the same moment on one new PostgreSQL database (what a cluster does after a deploy): they
/// take turns at migrating and seeding under the "database.initialise" cluster lock, so the schema is migrated once,
/// the demo and shipped content is not seeded twice, both come up ready, and start-up writes no error-level record
/// (EF's history-table probe on a new database used to log "Failed executing DbCommand" at error level).
/// </summary>
[Collection(SerilogStaticLogger.Name)]
public sealed class ConcurrentStartTests : IDisposable
{
    private readonly PostgresDatabase _database = new();
    private readonly CapturingLogSink _sink = new();
    private readonly string _shared = Path.Combine(Path.GetTempPath(), "certplatform-start-" + Guid.NewGuid().ToString("N"));

    private AppFactory Instance() => new AppFactory()
        .With("Database:Provider", "PostgreSQL").With("Database:ConnectionString", _database.ConnectionString)
        .With("DataProtection:KeysPath", Path.Combine(_shared, "keys"))
        .With("Records:ExportFolder", Path.Combine(_shared, "exports"))
        .With("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Migrations", "Information")
        .WithServices(s => s.AddSingleton<ILogEventSink>(_sink));

    [Fact]
    public async Task Two_instances_started_together_on_a_new_database_migrate_and_seed_once_and_log_no_error()
    {
        using var a = Instance();
        using var b = Instance();
        await Task.WhenAll(Task.Run(() => a.Services), Task.Run(() => b.Services));

        foreach (var instance in new[] { a, b })
        {
            var ready = await instance.NewClient().GetAsync("/healthz/ready");
            Assert.True(ready.StatusCode == HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
        }

        // Every committed migration applied once, by one of the two.
        var migrations = a.Scoped(sp => sp.GetRequiredService<AppDbContext>().Database.GetMigrations().Select(m => (string?)m).ToList());
        var applied = _sink.Events.Where(e => e.MessageTemplate.Text.StartsWith("Applying migration", StringComparison.Ordinal))
            .Select(e => CapturingLogSink.Text(e, "migration")).ToList();
        Assert.Equal(migrations, applied);

        // Seeded once: the demo accounts, the roles, the shipped questions, the seeded papers.
        var counts = await a.ScopedAsync(async db => (
            Demo: await db.Users.CountAsync(u => u.Email!.EndsWith("@demo.local")),
            Roles: await db.Roles.CountAsync(),
            Questions: await db.Questions.CountAsync(),
            FirstVersions: await db.QuestionVersions.CountAsync(v => v.Version == 1),
            Papers: await db.Papers.CountAsync(),
            PaperVersions: await db.PaperVersions.CountAsync(),
            Approvals: await db.PaperApprovals.CountAsync(),
            Programmes: await db.Programmes.CountAsync()));
        Assert.Equal(5, counts.Demo);
        Assert.Equal(Roles.All.Count, counts.Roles);
        Assert.Equal(counts.Questions, counts.FirstVersions);
        Assert.True(counts.Papers > 1); // the certification paper and one mock per part …
        Assert.Equal(counts.Papers, counts.PaperVersions); // … each with one version
        Assert.Equal(1, counts.Approvals); // the certification paper's seed-time approval
        Assert.Equal(1, counts.Programmes);

        var errors = _sink.Events.Where(e => e.Level >= LogEventLevel.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{CapturingLogSink.Text(e, "SourceContext")}: {e.RenderMessage()}")));
    }

    public void Dispose()
    {
        _database.Dispose();
        try { Directory.Delete(_shared, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
