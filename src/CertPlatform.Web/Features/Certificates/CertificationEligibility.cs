using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Certificates;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Certificates;

/// <summary>
/// The one rule for "this attempt earns a certificate" (<see cref="CertificationRule"/>): its result is final, it passed,
/// the paper is a certification paper naming a programme, a second person approved the exact paper version the attempt
/// ran, and the holder neither wrote nor approved the paper. <see cref="EligibleAttempts"/> is the same rule as a query
/// (for the safety net that looks for passes without a certificate); <see cref="DecideAsync"/> says why an attempt is
/// refused (audited, and shown to HR on the trainee's history). A pass that meets the rule while the holder's account is
/// not verified yet is held (<see cref="HeldAttempts"/>, <see cref="CertificationDecision.HeldUntilVerified"/>): no
/// certificate until HR confirms the account, then <see cref="IssueHeldCertificates"/> issues it.
/// </summary>
public static class CertificationEligibility
{
    public static IQueryable<Attempt> EligibleAttempts(AppDbContext db) =>
        Passes(db).Where(a => db.Users.Any(u => u.Id == a.UserId && u.IsVerified));

    /// <summary>Passes that would earn a certificate but wait for the holder's account to be verified.</summary>
    public static IQueryable<Attempt> HeldAttempts(AppDbContext db) =>
        Passes(db).Where(a => db.Users.Any(u => u.Id == a.UserId && !u.IsVerified));

    private static IQueryable<Attempt> Passes(AppDbContext db) =>
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
            db.PaperApprovals.Any(v => v.PaperId == a.PaperId && v.ApproverId == a.UserId),
            db.Users.Any(u => u.Id == a.UserId && u.IsVerified))).FirstOrDefaultAsync(ct);
        return facts is null ? CertificationDecision.NotApplicable : CertificationRule.Decide(facts);
    }
}
