using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using CertPlatform.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Records;

/// <summary>
/// Background ZIP exports (for sets above RecordsOptions.DirectZipLimit). Why: a ZIP of thousands of PDFs takes
/// long enough that a plain download gives no honest progress and may hit proxy time-outs; here the ZIP is written by
/// <see cref="CertificateZip"/> into <c>{ExportFolder}/{id}.zip.part</c> (renamed when complete) while a status page
/// (auto-refresh with &lt;meta http-equiv="refresh"&gt;, no JavaScript) shows "n / total", then offers the download.
/// <list type="bullet">
/// <item>Several instances: the job's state lives in the export folder too (<c>jobs/{id}.json</c>, replaced atomically
/// by rename), so with the folder shared (Records:ExportFolder on a shared disk) any instance shows the status and
/// serves the download. The instance that accepted the request builds the ZIP and rewrites the state on progress and
/// every <see cref="Heartbeat"/>; a queued or running job not rewritten for <see cref="LostAfter"/> was lost with its
/// instance and shows as failed.</item>
/// <item>Only the user who started a job sees it or downloads it (anyone else gets 404, as for an unknown id).</item>
/// <item>The download is one-time: the first request renames the ZIP to a name of its own (atomic, so of two instances
/// only one wins), removes the job and opens the file with DeleteOnClose, so it disappears when the response ends.
/// Ready or failed jobs not downloaded within an hour are deleted (checked every minute and on every lookup), as are
/// files of jobs that no longer exist.</item>
/// <item>One job runs at a time per instance (the others wait as "queued"): the ZIP is I/O plus deflate.</item>
/// <item>A build that meets an overloaded or unreachable database (<see cref="DatabaseOverload"/>) is not a failed job:
/// its part file is dropped, the job goes back to "queued" with its attempt count and is built again after
/// <see cref="RetryDelay"/> (doubling), one warning line each time; only after <see cref="MaxAttempts"/> does it fail.</item>
/// </list>
/// </summary>
public sealed class ZipExportJobs(IServiceScopeFactory scopes, IOptions<RecordsOptions> options, IHostEnvironment env, TimeProvider clock,
    ILogger<ZipExportJobs> log) : BackgroundService
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan LostAfter = TimeSpan.FromMinutes(3);
    /// <summary>The wait before building again a job that met an overloaded database; doubled after each further such attempt.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(15);
    /// <summary>Builds begun before a job that keeps meeting an overloaded database fails (≈ 4 minutes of retries).</summary>
    public const int MaxAttempts = 5;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Jobs this instance is building (queued or running): rewritten on every heartbeat.</summary>
    private readonly ConcurrentDictionary<string, ZipJob> _local = new();
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly CancellationTokenSource _shutdown = new();

    public string Folder => Path.GetFullPath(Path.Combine(env.ContentRootPath, options.Value.ExportFolder));
    private string JobsFolder => Path.Combine(Folder, "jobs");
    private string ZipPath(string id) => Path.Combine(Folder, id + ".zip");
    private string StatePath(string id) => Path.Combine(JobsFolder, id + ".json");

    public ZipJob Start(string ownerId, IReadOnlyList<ZipItem> items, string fileName)
    {
        Sweep();
        var now = clock.GetUtcNow();
        var job = new ZipJob
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), OwnerId = ownerId, Total = items.Count, FileName = fileName,
            CreatedAt = now, UpdatedAt = now,
        };
        Directory.CreateDirectory(JobsFolder);
        _local[job.Id] = job;
        Save(job);
        _ = Task.Run(() => RunAsync(job, items, _shutdown.Token));
        return job;
    }

    /// <summary>The user's queued or running job on any instance, if any: one at a time per user.</summary>
    public ZipJob? Unfinished(string ownerId) =>
        AllJobs().FirstOrDefault(j => j.OwnerId == ownerId && j.State is ZipJobState.Queued or ZipJobState.Running);

    /// <summary>The job if it exists, belongs to <paramref name="ownerId"/> and has not expired.</summary>
    public ZipJob? Find(string id, string ownerId)
    {
        Sweep();
        return Load(id) is { } job && job.OwnerId == ownerId ? job : null;
    }

    /// <summary>The finished ZIP, once: the job is gone afterwards and the file is deleted when the stream closes.</summary>
    public (ZipJob Job, FileStream File)? TakeDownload(string id, string ownerId)
    {
        if (Find(id, ownerId) is not { State: ZipJobState.Ready } job) return null;
        // The claim: a rename is atomic, so of two requests (on any instances) exactly one gets the file.
        var taken = Path.Combine(Folder, $"{id}.zip.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.taken");
        try { File.Move(ZipPath(id), taken); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        TryDelete(StatePath(id));
        try
        {
            return (job, new FileStream(taken, FileMode.Open, FileAccess.Read, FileShare.Delete, 81920,
                FileOptions.Asynchronous | FileOptions.SequentialScan | FileOptions.DeleteOnClose));
        }
        catch (IOException e)
        {
            log.LogWarning(e, "ZIP export {Job} could not be opened for download", id);
            TryDelete(taken);
            return null;
        }
    }

    private async Task RunAsync(ZipJob job, IReadOnlyList<ZipItem> items, CancellationToken ct)
    {
        var path = ZipPath(job.Id);
        var part = path + ".part";
        try
        {
            while (true)
            {
                try
                {
                    await BuildAsync(job, items, path, part, ct);
                    return;
                }
                catch (Exception e) when (DatabaseOverload.Reason(e) is { } reason && job.Attempts < MaxAttempts && !ct.IsCancellationRequested)
                {
                    // Not the job's fault: back to the queue (the heartbeat keeps it alive meanwhile) and built again later.
                    var delay = RetryDelay * (1 << (job.Attempts - 1));
                    TryDelete(part);
                    job.Report(0);
                    job.State = ZipJobState.Queued;
                    TrySave(job);
                    log.LogWarning("ZIP export {Job}: database overloaded ({Reason}) on attempt {Attempt} of {MaxAttempts}; queued again, next attempt in {Seconds} s ({Error})",
                        job.Id, reason, job.Attempts, MaxAttempts, delay.TotalSeconds, e.GetBaseException().Message);
                    await Task.Delay(delay, clock, ct);
                }
            }
        }
        catch (Exception e)
        {
            if (e is OperationCanceledException) { }
            else if (DatabaseOverload.Reason(e) is { } reason)
                log.LogWarning("ZIP export {Job} failed: database still overloaded ({Reason}) after {Attempts} attempts ({Error})",
                    job.Id, reason, job.Attempts, e.GetBaseException().Message);
            else log.LogError(e, "ZIP export {Job} failed", job.Id);
            job.FinishedAt = clock.GetUtcNow();
            job.State = ZipJobState.Failed;
            TrySave(job);
            TryDelete(part);
            TryDelete(path);
        }
        finally { _local.TryRemove(job.Id, out _); }
    }

    /// <summary>One build of the ZIP, in turn with the instance's other jobs: the part file, renamed when complete.</summary>
    private async Task BuildAsync(ZipJob job, IReadOnlyList<ZipItem> items, string path, string part, CancellationToken ct)
    {
        await _oneAtATime.WaitAsync(ct);
        try
        {
            job.Attempts++;
            job.State = ZipJobState.Running;
            Save(job);
            using var scope = scopes.CreateScope();
            var zip = scope.ServiceProvider.GetRequiredService<CertificateZip>();
            var saved = 0;
            void Progress(int done)
            {
                job.Report(done);
                // Progress for the other instances: about every 2 % (the status page refreshes every 2 s).
                if (done - saved >= Math.Max(1, job.Total / 50)) { saved = done; Save(job); }
            }
            await using (var file = new FileStream(part, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
                await zip.WriteAsync(items, file, Progress, ct);
            File.Move(part, path);
            job.FinishedAt = clock.GetUtcNow();
            job.State = ZipJobState.Ready;
            Save(job);
            log.LogInformation("ZIP export {Job}: {Count} certificates ready", job.Id, job.Total);
        }
        finally { _oneAtATime.Release(); }
    }

    /// <summary>
    /// Deletes ready and failed jobs older than <see cref="KeepFor"/> with their files, and files that belong to no job
    /// (a download's renamed file left by a stopped instance, a lost job's part file) once they are that old. Every
    /// instance sweeps; two deleting the same file is harmless.
    /// </summary>
    public void Sweep()
    {
        var now = clock.GetUtcNow();
        var live = new HashSet<string>(StringComparer.Ordinal);
        foreach (var job in AllJobs())
        {
            var since = job.FinishedAt ?? job.UpdatedAt;
            if (job.State is ZipJobState.Ready or ZipJobState.Failed && now - since >= KeepFor)
            {
                TryDelete(StatePath(job.Id));
                TryDelete(ZipPath(job.Id));
                log.LogInformation("ZIP export {Job} expired without download; deleted", job.Id);
            }
            else live.Add(job.Id);
        }
        if (!Directory.Exists(Folder)) return;
        foreach (var path in Directory.EnumerateFiles(Folder))
        {
            var name = Path.GetFileName(path);
            if (name.Length < 36 || !IsJobId(name[..32]) || live.Contains(name[..32]) || !name[32..].StartsWith(".zip", StringComparison.Ordinal)) continue;
            if (now.UtcDateTime - File.GetLastWriteTimeUtc(path) >= KeepFor) TryDelete(path);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Task.Delay, not PeriodicTimer: a clock that jumps (suspended VM, a test's fake clock) means one round, not one per missed period.
        try
        {
            var sinceSweep = TimeSpan.Zero;
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(Heartbeat, clock, stoppingToken);
                foreach (var job in _local.Values) TrySave(job);
                sinceSweep += Heartbeat;
                if (sinceSweep >= TimeSpan.FromMinutes(1))
                {
                    sinceSweep = TimeSpan.Zero;
                    Sweep();
                }
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

    private static bool IsJobId(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);

    /// <summary>The stored job (a lost one reads as failed); null for an unknown or malformed id.</summary>
    private ZipJob? Load(string id)
    {
        if (!IsJobId(id)) return null;
        if (_local.TryGetValue(id, out var mine)) return mine;
        ZipJob? job;
        try { job = JsonSerializer.Deserialize<ZipJob>(File.ReadAllBytes(StatePath(id)), Json); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException) { return null; }
        if (job is { State: ZipJobState.Queued or ZipJobState.Running } && clock.GetUtcNow() - job.UpdatedAt >= LostAfter)
        {
            job.State = ZipJobState.Failed;
            job.FinishedAt = job.UpdatedAt;
        }
        return job;
    }

    private IEnumerable<ZipJob> AllJobs()
    {
        if (!Directory.Exists(JobsFolder)) yield break;
        foreach (var path in Directory.EnumerateFiles(JobsFolder, "*.json"))
            if (Load(Path.GetFileNameWithoutExtension(path)) is { } job) yield return job;
    }

    /// <summary>Writes the job's state to a temporary file and renames it over the old one, so readers see the old or the new state, never half.</summary>
    private void Save(ZipJob job)
    {
        job.UpdatedAt = clock.GetUtcNow();
        var temp = Path.Combine(JobsFolder, $"{job.Id}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}.tmp");
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(job, Json));
        File.Move(temp, StatePath(job.Id), overwrite: true);
    }

    private void TrySave(ZipJob job)
    {
        try { Save(job); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { log.LogWarning(e, "Could not write the state of ZIP export {Job}", job.Id); }
    }

    private void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { log.LogWarning(e, "Could not delete {Path}", path); }
    }
}
