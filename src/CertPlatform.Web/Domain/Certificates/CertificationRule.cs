namespace CertPlatform.Web.Domain.Certificates;

/// <summary>
/// The one certification rule: a final, passed attempt at a certification paper earns the certificate of the paper's
/// programme only when a second person approved the exact paper version the attempt ran, and never for someone who
/// wrote or approved the paper; while the holder's account is not verified the certificate is held, not refused.
/// </summary>
public static class CertificationRule
{
    public static CertificationDecision Decide(CertificationFacts f) =>
        !f.IsFinal || !f.Passed || !f.IsCertificationPaper ? CertificationDecision.NotApplicable
        : !f.HasProgramme ? CertificationDecision.NoProgramme
        : !f.AttemptVersionApproved ? CertificationDecision.VersionNotApproved
        : f.HolderIsAuthor ? CertificationDecision.HolderIsAuthor
        : f.HolderIsApprover ? CertificationDecision.HolderIsApprover
        : !f.HolderVerified ? CertificationDecision.HeldUntilVerified
        : CertificationDecision.Eligible;

    /// <summary>
    /// The outlook before an attempt starts: what a pass of the paper's current version would yield for this trainee
    /// (account verification aside). <see cref="CertificationDecision.Eligible"/> when it would earn the certificate,
    /// <see cref="CertificationDecision.NotApplicable"/> for a paper that is not a certification paper, otherwise the reason
    /// a pass would be refused (shown on the start page, audited when the attempt starts).
    /// </summary>
    public static CertificationDecision BeforeStart(bool isCertificationPaper, bool hasProgramme, bool currentVersionApproved, bool isAuthor, bool isApprover) =>
        Decide(new CertificationFacts(IsFinal: true, Passed: true, isCertificationPaper, hasProgramme, currentVersionApproved, isAuthor, isApprover));

    /// <summary>A stable key for the audit log and exports (certificate.refused details).</summary>
    public static string Key(CertificationDecision d) => d switch
    {
        CertificationDecision.NoProgramme => "no-programme",
        CertificationDecision.VersionNotApproved => "paper-version-not-approved",
        CertificationDecision.HolderIsAuthor => "holder-is-author",
        CertificationDecision.HolderIsApprover => "holder-is-approver",
        CertificationDecision.HeldUntilVerified => "held-until-verified",
        CertificationDecision.Eligible => "eligible",
        _ => "not-applicable",
    };
}
