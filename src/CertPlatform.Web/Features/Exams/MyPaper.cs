using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Certificates;
using CertPlatform.Web.Features.Papers;

namespace CertPlatform.Web.Features.Exams;

/// <summary>
/// A paper open to the trainee, with its window, size, the trainee's attempts at it and whether a pass would earn the
/// certificate (<see cref="PaperCertification"/>; <see cref="CertificationDecision.NotApplicable"/> for mock papers).
/// </summary>
public sealed record MyPaper(Paper Paper, PaperWindow Window, int Questions, decimal Points, IReadOnlyList<Attempt> Attempts,
    CertificationDecision Certification = CertificationDecision.NotApplicable)
{
    /// <summary>A certification paper whose pass would not award this trainee a certificate: warn before the start.</summary>
    public bool AwardsNoCertificate => Certification is not (CertificationDecision.NotApplicable or CertificationDecision.Eligible);

    public Attempt? InProgress => Attempts.FirstOrDefault(a => a.Status == AttemptStatus.InProgress);
    public int AttemptsLeft => Paper.AttemptsAllowed == 0 ? int.MaxValue : Math.Max(0, Paper.AttemptsAllowed - Attempts.Count);
}
