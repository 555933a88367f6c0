namespace CertPlatform.Web.Domain.Certificates;

public enum PaperApprovalOutcome
{
    Approved,
    UnknownPaper,
    NotCertificationPaper,
    NoProgramme,
    /// <summary>The approver wrote a version of the paper: approval needs a second person.</summary>
    ApproverIsAuthor,
    /// <summary>The paper changed since the approver looked at it (the version to approve is not the current one).</summary>
    StaleVersion,
    AlreadyApproved,
}
