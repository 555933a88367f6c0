using CertPlatform.Web.Data;

namespace CertPlatform.Web.Features.Certificates;

/// <summary>
/// The one rule for "this attempt earns a certificate": its result is final, it passed, and the paper
/// is a certification paper. Used when a result arrives and by the safety net that looks for passes
/// without a certificate.
/// </summary>
public static class CertificationEligibility
{
    public static IQueryable<Attempt> EligibleAttempts(AppDbContext db) =>
        db.Attempts.Where(a => a.Grading == GradingStatus.Final && a.Passed == true
            && db.Papers.Any(p => p.Id == a.PaperId && p.Kind == PaperKind.Certification));
}
