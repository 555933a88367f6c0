namespace CertPlatform.Web.Domain.Certificates;

/// <summary>Who may approve which version of a certification paper: a second person (not an author), the current version, once.</summary>
public static class PaperApprovalRule
{
    public static PaperApprovalOutcome Check(string approverId, IReadOnlyCollection<string> authorIds, bool isCertificationPaper, bool hasProgramme,
        int currentVersion, int versionToApprove, int? approvedVersion) =>
        !isCertificationPaper ? PaperApprovalOutcome.NotCertificationPaper
        : !hasProgramme ? PaperApprovalOutcome.NoProgramme
        : authorIds.Contains(approverId) ? PaperApprovalOutcome.ApproverIsAuthor
        : versionToApprove != currentVersion ? PaperApprovalOutcome.StaleVersion
        : approvedVersion == currentVersion ? PaperApprovalOutcome.AlreadyApproved
        : PaperApprovalOutcome.Approved;
}
