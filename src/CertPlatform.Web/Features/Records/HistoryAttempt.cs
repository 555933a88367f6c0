namespace CertPlatform.Web.Features.Records;

public sealed record HistoryAttempt(string Id, string PaperTitle, string PaperKind, int Number, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
    decimal? Score, decimal MaxScore, string Status, string Grading, bool? Passed)
{
    /// <summary>Why a passed certification attempt has no certificate (CertificationEligibility), or null.</summary>
    public CertPlatform.Web.Domain.Certificates.CertificationDecision? Refusal { get; init; }
}
