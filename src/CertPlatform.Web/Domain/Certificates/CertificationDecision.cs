namespace CertPlatform.Web.Domain.Certificates;

/// <summary>Whether a finished attempt earns its programme's certificate, and if not, why (shown to HR, written to the audit log).</summary>
public enum CertificationDecision
{
    Eligible,
    /// <summary>Not a certification paper, not passed or not final yet: nothing to issue and nothing to refuse.</summary>
    NotApplicable,
    /// <summary>The certification paper names no programme.</summary>
    NoProgramme,
    /// <summary>The paper version the attempt ran was never approved by a second person.</summary>
    VersionNotApproved,
    /// <summary>The holder wrote a version of the paper.</summary>
    HolderIsAuthor,
    /// <summary>The holder approved a version of the paper.</summary>
    HolderIsApprover,
    /// <summary>Everything holds but the holder's account is not verified yet: issued once HR confirms the account.</summary>
    HeldUntilVerified,
}
