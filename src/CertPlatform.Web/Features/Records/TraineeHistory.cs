using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Certificates;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Records;

/// <summary>One person's record for HR: profile, every attempt at every paper, every certificate with its status now.</summary>
public sealed class TraineeHistory(AppDbContext db, TimeProvider clock)
{
    public async Task<TraineeHistoryModel?> LoadAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return null;
        var attempts = await (
            from a in db.Attempts.AsNoTracking()
            join p in db.Papers on a.PaperId equals p.Id into papers
            from p in papers.DefaultIfEmpty()
            where a.UserId == userId
            orderby a.StartedAt descending, a.Id
            select new HistoryAttempt(a.Id, p == null ? a.PaperId : p.Title, p == null ? "" : p.Kind, a.Number, a.StartedAt, a.FinishedAt,
                a.Score, a.MaxScore, a.Status, a.Grading, a.Passed)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var certs = await db.Certificates.AsNoTracking().Where(c => c.UserId == userId).OrderByDescending(c => c.IssuedAt).ThenBy(c => c.Number).ToListAsync(ct);
        for (var i = 0; i < attempts.Count; i++)
        {
            var a = attempts[i];
            if (a.PaperKind != PaperKind.Certification || a.Passed != true || certs.Any(c => c.AttemptId == a.Id)) continue;
            var decision = await CertificationEligibility.DecideAsync(db, a.Id, ct);
            if (decision is not (CertPlatform.Web.Domain.Certificates.CertificationDecision.NotApplicable or CertPlatform.Web.Domain.Certificates.CertificationDecision.Eligible))
                attempts[i] = a with { Refusal = decision };
        }
        return new TraineeHistoryModel(user, attempts, certs.Select(c => new RecordRow(c, c.EffectiveStatus(now))).ToList());
    }
}
