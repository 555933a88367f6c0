using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Records;

/// <summary>
/// Background ZIP exports (for sets above RecordsOptions.DirectZipLimit). Why: a ZIP of thousands of PDFs takes
/// long enough that a plain download gives no honest progress and may hit proxy time-outs; here the ZIP is written by
/// <see cref="CertificateZip"/> into <c>{ExportFolder}/{id}.zip.part</c> (renamed when complete) while a status page
/// (auto-refresh with &lt;meta http-equiv="refresh"&gt;, no JavaScript) shows "n / total", then offers the download.
/// <list type="bullet">
/// <item>Only the user who started a job sees it or downloads it (anyone else gets 404, as for an unknown id).</item>
/// <item>The download is one-time: the job is removed when the download starts and the file is opened with
/// DeleteOnClose, so it disappears when the response ends. Ready or failed jobs not downloaded within an hour are
/// deleted (checked every minute and on every lookup); leftover files of a previous process are deleted at start.</item>
/// <item>One job runs at a time (the others wait as "queued"): the ZIP is I/O plus deflate, and the machine is small.</item>
/// <item>Jobs live in this process's memory: with several instances behind a load balancer, use sticky sessions.</item>
/// </list>
/// </summary>
public sealed class ZipExportJobs(IServiceScopeFactory scopes, IOptions<RecordsOptions> options, IHostEnvironment env, TimeProvider clock,
    ILogger<ZipExportJobs> log) : BackgroundService
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, ZipJob> _jobs = new();
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly CancellationTokenSource _shutdown = new();

    public string Folder => Path.GetFullPath(Path.Combine(env.ContentRootPath, options.Value.ExportFolder));

    public ZipJob Start(string ownerId, IReadOnlyList<ZipItem> items, string fileName)
    {
        Sweep();
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        Directory.CreateDirectory(Folder);
        var job = new ZipJob
        {
            Id = id, OwnerId = ownerId, Total = items.Count, FileName = fileName, FilePath = Path.Combine(Folder, id + ".zip"),
            CreatedAt = clock.GetUtcNow(),
        };
        _jobs[id] = job;
        _ = Task.Run(() => RunAsync(job, items, _shutdown.Token));
        return job;
    }

    /// <summary>The user's queued or running job, if any: one at a time per user.</summary>
    public ZipJob? Unfinished(string ownerId) =>
        _jobs.Values.FirstOrDefault(j => j.OwnerId == ownerId && j.State is ZipJobState.Queued or ZipJobState.Running);

    /// <summary>The job if it exists, belongs to <paramref name="ownerId"/> and has not expired.</summary>
    public ZipJob? Find(string id, string ownerId)
    {
        Sweep();
        return _jobs.TryGetValue(id, out var job) && job.OwnerId == ownerId ? job : null;
    }

    /// <summary>The finished ZIP, once: the job is gone afterwards and the file is deleted when the stream closes.</summary>
    public (ZipJob Job, FileStream File)? TakeDownload(string id, string ownerId)
    {
        var job = Find(id, ownerId);
        if (job is not { State: ZipJobState.Ready } || !_jobs.TryRemove(new KeyValuePair<string, ZipJob>(id, job))) return null;
        try
        {
            return (job, new FileStream(job.FilePath, FileMode.Open, FileAccess.Read, FileShare.Delete, 81920,
                FileOptions.Asynchronous | FileOptions.SequentialScan | FileOptions.DeleteOnClose));
        }
        catch (IOException e)
        {
            log.LogWarning(e, "ZIP export {Job} could not be opened for download", id);
            return null;
        }
    }

    private async Task RunAsync(ZipJob job, IReadOnlyList<ZipItem> items, CancellationToken ct)
    {
        var part = job.FilePath + ".part";
        try
        {
            await _oneAtATime.WaitAsync(ct);
            try
            {
                job.State = ZipJobState.Running;
                using var scope = scopes.CreateScope();
                var zip = scope.ServiceProvider.GetRequiredService<CertificateZip>();
                await using (var file = new FileStream(part, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
                    await zip.WriteAsync(items, file, job.Report, ct);
                File.Move(part, job.FilePath);
                job.FinishedAt = clock.GetUtcNow();
                job.State = ZipJobState.Ready;
                log.LogInformation("ZIP export {Job}: {Count} certificates ready", job.Id, job.Total);
            }
            finally { _oneAtATime.Release(); }
        }
        catch (Exception e)
        {
            if (e is not OperationCanceledException) log.LogError(e, "ZIP export {Job} failed", job.Id);
            job.FinishedAt = clock.GetUtcNow();
            job.State = ZipJobState.Failed;
            TryDelete(part);
            TryDelete(job.FilePath);
        }
    }

    /// <summary>Forgets ready and failed jobs older than <see cref="KeepFor"/> and deletes their files.</summary>
    public void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (id, job) in _jobs)
        {
            if (job.FinishedAt is { } finished && now - finished >= KeepFor && _jobs.TryRemove(new KeyValuePair<string, ZipJob>(id, job)))
            {
                TryDelete(job.FilePath);
                log.LogInformation("ZIP export {Job} expired without download; deleted", id);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DeleteLeftovers();
        // Task.Delay, not PeriodicTimer: a clock that jumps (suspended VM, a test's fake clock) means one sweep, not one per missed minute.
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
                Sweep();
            }
        }
        catch (OperationCanceledException) { }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host being torn down may dispose this singleton before stopping it (seen with test hosts).
        try { await _shutdown.CancelAsync(); }
        catch (ObjectDisposedException) { }
        await base.StopAsync(cancellationToken);
    }

    private int _disposed;

    public override void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _shutdown.Dispose();
        _oneAtATime.Dispose();
        base.Dispose();
    }

    /// <summary>Files a previous process left behind (it stopped before they were downloaded), older than <see cref="KeepFor"/>.</summary>
    private void DeleteLeftovers()
    {
        if (!Directory.Exists(Folder)) return;
        var cutoff = clock.GetUtcNow().UtcDateTime - KeepFor;
        foreach (var path in Directory.EnumerateFiles(Folder))
        {
            var name = Path.GetFileName(path);
            var isOurs = name.Length >= 36 && name[..32].All(char.IsAsciiHexDigitLower) && (name.EndsWith(".zip", StringComparison.Ordinal) || name.EndsWith(".zip.part", StringComparison.Ordinal));
            if (isOurs && File.GetLastWriteTimeUtc(path) < cutoff && !_jobs.ContainsKey(name[..32])) TryDelete(path);
        }
    }

    private void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { log.LogWarning(e, "Could not delete {Path}", path); }
    }
}
