using System.Security.Claims;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Certificates;

/// <summary>HR or an admin revokes a certificate with a reason. The PDF stays downloadable; verification says "revoked".</summary>
public sealed class RevokeCertificate(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public enum Outcome { Revoked, NotFound, AlreadyRevoked, ReasonMissing }

    public async Task<Outcome> RunAsync(string certificateId, string? reason, ClaimsPrincipal actor, CancellationToken ct)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 500) return Outcome.ReasonMissing;
        var c = await db.Certificates.FirstOrDefaultAsync(x => x.Id == certificateId, ct);
        if (c is null) return Outcome.NotFound;
        if (c.Status == CertificateStatus.Revoked) return Outcome.AlreadyRevoked;
        c.Status = CertificateStatus.Revoked;
        c.RevokedAt = clock.GetUtcNow();
        c.RevokedBy = actor.Identity?.Name ?? "";
        c.RevocationReason = reason;
        audit.Record(actor, "certificate.revoked", $"certificate:{c.Number}", reason);
        await db.SaveChangesAsync(ct);
        return Outcome.Revoked;
    }
}

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
        var missing = await db.Attempts.AsNoTracking()
            .Where(a => a.Grading == GradingStatus.Final && a.Passed == true && db.Papers.Any(p => p.Id == a.PaperId && p.Kind == PaperKind.Certification)
                && !db.Certificates.Any(c => c.AttemptId == a.Id))
            .Take(200).ToListAsync(ct);
        var finish = scope.ServiceProvider.GetRequiredService<Exams.FinishAttempt>();
        foreach (var a in missing) await finish.AfterFinalAsync(a, ct);
        return missing.Count;
    }
}
