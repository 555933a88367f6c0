namespace CertPlatform.Web.Domain.Certificates;

/// <summary>What <see cref="CertificationRule"/> needs to know about one finished attempt.</summary>
public sealed record CertificationFacts(
    bool IsFinal,
    bool Passed,
    bool IsCertificationPaper,
    bool HasProgramme,
    bool AttemptVersionApproved,
    bool HolderIsAuthor,
    bool HolderIsApprover,
    bool HolderVerified = true);
