using System.IO.Compression;
using CertPlatform.IntegrationTests.Features.Exams;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Serilog.Core;
using Serilog.Events;

namespace CertPlatform.IntegrationTests.Features.Records;

/// <summary>
/// A background ZIP export that meets an overloaded database is not a failed job: on a real PostgreSQL with a pool of one
/// connection and a one-second wait (the overload tests' set-up), the test holds that connection while the job starts. The
/// build fails for want of a connection; the job goes back to "queued" with one attempt counted and a one-line warning,
/// not an error. Once the connection is back and the retry delay has passed, the same job is built and downloadable.
/// </summary>
[Collection(SerilogStaticLogger.Name)]
public sealed class ZipExportOverloadTests : IDisposable
{
    private readonly PostgresDatabase _database = new();
    private readonly CapturingLogSink _sink = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));
    private readonly AppFactory _factory;

    public ZipExportOverloadTests()
    {
        _factory = _database.Factory
            .With("Database:ConnectionString", _database.ConnectionString + ";Maximum Pool Size=1;Timeout=1")
            .With("Serilog:MinimumLevel:Default", "Information")
            .WithServices(s => s.AddSingleton<ILogEventSink>(_sink).AddSingleton<TimeProvider>(_clock));
        _factory.With("Records:ExportFolder", Path.Combine(_factory.DataFolder, "exports"));
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_zip_job_that_meets_an_overloaded_database_is_queued_again_and_built_once_it_is_free()
    {
        await new RecordsTestsSeeder(_factory).SeedAsync(3);
        List<ZipItem> items;
        using (var listing = _factory.Services.CreateScope())
            items = await listing.ServiceProvider.GetRequiredService<CertificateZip>().ListAsync(
                listing.ServiceProvider.GetRequiredService<AppDbContext>().Certificates.AsNoTracking(), _clock.GetUtcNow(), CancellationToken.None);
        Assert.Equal(3, items.Count);
        var jobs = _factory.Services.GetRequiredService<ZipExportJobs>();

        ZipJob job;
        using (var scope = _factory.Services.CreateScope())
        {
            // The app's only pooled connection, held in an open transaction while the job starts.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.OpenConnectionAsync();
            await using var held = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync("SELECT 1");
            job = jobs.Start("owner-1", items, "certificates.zip");
            await WaitUntilAsync(() => jobs.Find(job.Id, "owner-1") is { State: ZipJobState.Queued, Attempts: 1 }
                && _sink.Events.Any(e => e.MessageTemplate.Text.StartsWith("ZIP export {Job}: database overloaded", StringComparison.Ordinal)));
            await held.RollbackAsync();
        }
        Assert.Equal(ZipJobState.Queued, jobs.Find(job.Id, "owner-1")!.State); // waits for its next attempt, not failed

        // The retry delay passes (the fake clock): the same job is built on its second attempt.
        for (var i = 0; i < 100 && jobs.Find(job.Id, "owner-1") is { State: not ZipJobState.Ready }; i++)
        {
            _clock.Advance(ZipExportJobs.RetryDelay);
            await Task.Delay(100);
        }
        var ready = jobs.Find(job.Id, "owner-1");
        Assert.Equal(ZipJobState.Ready, ready?.State);
        Assert.Equal(2, ready!.Attempts);
        var (_, file) = jobs.TakeDownload(job.Id, "owner-1") ?? throw new Xunit.Sdk.XunitException("no download");
        await using (file)
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read);
            Assert.Equal(4, zip.Entries.Count); // three PDFs and the manifest
        }

        var warning = Assert.Single(_sink.Events, e => e.MessageTemplate.Text.StartsWith("ZIP export {Job}: database overloaded", StringComparison.Ordinal));
        Assert.Equal(LogEventLevel.Warning, warning.Level);
        Assert.Null(warning.Exception); // one line, no stack
        var errors = _sink.Events.Where(e => e.Level >= LogEventLevel.Error).Select(e => e.RenderMessage()).ToList();
        Assert.True(errors.Count == 0, "logged as errors:\n" + string.Join("\n", errors));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.True(condition(), "timed out waiting");
    }
}
