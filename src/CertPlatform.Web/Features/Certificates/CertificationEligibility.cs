using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Certificates;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Certificates;

/// <summary>
/// The one rule for "this attempt earns a certificate" (<see cref="CertificationRule"/>): its result is final, it passed,
/// the paper is a certification paper naming a programme, a second person approved the exact paper version the attempt
/// ran, and the holder neither wrote nor approved the paper. <see cref="EligibleAttempts"/> is the same rule as a query
/// (for the safety net that looks for passes without a certificate); <see cref="DecideAsync"/> says why an attempt is
/// refused (audited, and shown to HR on the trainee's history).
/// </summary>
public static class CertificationEligibility
{
    public static IQueryable<Attempt> EligibleAttempts(AppDbContext db) =>
        db.Attempts.Where(a => a.Grading == GradingStatus.Final && a.Passed == true
            && db.Papers.Any(p => p.Id == a.PaperId && p.Kind == PaperKind.Certification && p.ProgrammeId != null)
            && db.PaperApprovals.Any(v => v.PaperId == a.PaperId && v.Version == a.PaperVersion)
            && !db.PaperVersions.Any(v => v.PaperId == a.PaperId && v.AuthorId == a.UserId)
            && !db.PaperApprovals.Any(v => v.PaperId == a.PaperId && v.ApproverId == a.UserId));

    /// <summary>The decision for one attempt; <see cref="CertificationDecision.NotApplicable"/> for an unknown attempt.</summary>
    public static async Task<CertificationDecision> DecideAsync(AppDbContext db, string attemptId, CancellationToken ct)
    {
        var facts = await db.Attempts.Where(a => a.Id == attemptId).Select(a => new CertificationFacts(
            a.Grading == GradingStatus.Final,
            a.Passed == true,
            db.Papers.Any(p => p.Id == a.PaperId && p.Kind == PaperKind.Certification),
            db.Papers.Any(p => p.Id == a.PaperId && p.ProgrammeId != null),
            db.PaperApprovals.Any(v => v.PaperId == a.PaperId && v.Version == a.PaperVersion),
            db.PaperVersions.Any(v => v.PaperId == a.PaperId && v.AuthorId == a.UserId),
            db.PaperApprovals.Any(v => v.PaperId == a.PaperId && v.ApproverId == a.UserId))).FirstOrDefaultAsync(ct);
        return facts is null ? CertificationDecision.NotApplicable : CertificationRule.Decide(facts);
    }
}
