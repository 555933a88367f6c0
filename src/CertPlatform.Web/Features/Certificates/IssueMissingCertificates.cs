using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Certificates;

/// <summary>
/// Safety net: issues certificates for passed certification attempts that have none (e.g. the
/// renderer failed when the attempt was graded). Runs shortly after start and then every few minutes.
/// </summary>
public sealed class IssueMissingCertificates(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IssueMissingCertificates> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try { await RunOnceAsync(stoppingToken); }
                catch (Exception e) when (e is not OperationCanceledException) { log.LogError(e, "Issuing missing certificates failed; will retry"); }
                await Task.Delay(TimeSpan.FromMinutes(5), clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) { }
    }

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var missing = await CertificationEligibility.EligibleAttempts(db).AsNoTracking()
            .Where(a => !db.Certificates.Any(c => c.AttemptId == a.Id))
            .Select(a => a.Id).Take(200).ToListAsync(ct);
        var issue = scope.ServiceProvider.GetRequiredService<IssueCertificate>();
        foreach (var attemptId in missing) await issue.IssueAsync(attemptId, ct);
        return missing.Count;
    }
}
