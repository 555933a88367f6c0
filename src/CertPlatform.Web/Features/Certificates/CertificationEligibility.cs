using CertPlatform.Web.Data;

namespace CertPlatform.Web.Features.Certificates;

/// <summary>
/// The one rule for "this attempt earns a certificate": its result is final, it passed, and the paper
/// is a certification paper. Used when a result arrives and by the safety net that looks for passes
/// without a certificate. A pass of an account that is not verified yet is <see cref="Outcome.HeldUntilVerified"/>:
/// no certificate until HR confirms the account (then <see cref="IssueHeldCertificates"/> issues it).
/// </summary>
public static class CertificationEligibility
{
    public enum Outcome { Eligible, HeldUntilVerified }

    public static IQueryable<Attempt> EligibleAttempts(AppDbContext db) => Attempts(db, Outcome.Eligible);

    /// <summary>Passes that would earn a certificate but wait for the holder's account to be verified.</summary>
    public static IQueryable<Attempt> HeldAttempts(AppDbContext db) => Attempts(db, Outcome.HeldUntilVerified);

    private static IQueryable<Attempt> Attempts(AppDbContext db, Outcome outcome)
    {
        var passes = db.Attempts.Where(a => a.Grading == GradingStatus.Final && a.Passed == true
            && db.Papers.Any(p => p.Id == a.PaperId && p.Kind == PaperKind.Certification));
        var verified = outcome == Outcome.Eligible;
        return passes.Where(a => db.Users.Any(u => u.Id == a.UserId && u.IsVerified == verified));
    }
}
