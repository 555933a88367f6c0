using CertPlatform.Web.Features.QuestionBank.Formats;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>
/// Background previews of large question files. Why: reading and diffing a whole-bank export (several MB of GIFT or
/// Moodle XML) takes long enough that the upload request would show nothing but a finished upload bar. Here the request
/// only stores the job (a PendingImports row of kind <see cref="QuestionImport.JobKind"/>) and answers with the status
/// page; the instance that accepted the upload reads the file from memory and writes "question N of M" into that row
/// (about every 2 % of the questions, and at most once a second when the questions come faster). Any instance on the
/// same database shows the progress and, when done, the preview, which stays until it is committed or expires like every
/// preview. A job whose instance stopped is shown as failed after <see cref="QuestionImport.JobLostAfter"/>.
/// </summary>
public sealed class QuestionImportJobs(IServiceScopeFactory scopes, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<QuestionImportJobs> log)
{
    private static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    /// <summary>Records the job for <paramref name="ownerId"/> and starts reading <paramref name="file"/> in the background; returns the job's id.</summary>
    public async Task<Guid> StartAsync(byte[] file, string fileName, BankFormat format, string? lesson, string ownerId, CancellationToken ct)
    {
        Guid id;
        using (var scope = scopes.CreateScope())
            id = await scope.ServiceProvider.GetRequiredService<QuestionImport>().StartJobAsync(fileName, ownerId, ct);
        _ = Task.Run(() => RunAsync(id, file, fileName, format, lesson, lifetime.ApplicationStopping));
        return id;
    }

    private async Task RunAsync(Guid id, byte[] file, string fileName, BankFormat format, string? lesson, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<QuestionImport>();
        try
        {
            var written = (Done: -1, At: DateTimeOffset.MinValue);
            async Task Progress(int done, int total)
            {
                var now = clock.GetUtcNow();
                if (done != 0 && done != total && done - written.Done < Math.Max(1, total / 50) && now - written.At < MinInterval) return;
                written = (done, now);
                await import.ReportAsync(id, ImportJobState.Checking, done, total, ct);
            }
            var summary = await import.AnalyseAsync(new MemoryStream(file, writable: false), fileName, format, lesson, Progress, ct);
            await import.FinishJobAsync(id, summary, ct);
            log.LogInformation("Question import preview {Job} of {File}: {Rows} questions, {Errors} errors", id, fileName, summary.Rows.Count, summary.Errors.Count);
        }
        catch (Exception e)
        {
            if (e is not OperationCanceledException) log.LogError(e, "Question import preview {Job} of {File} failed", id, fileName);
            try { await import.FailJobAsync(id, CancellationToken.None); }
            catch (Exception again) { log.LogWarning(again, "Could not mark question import preview {Job} as failed", id); }
        }
    }
}
