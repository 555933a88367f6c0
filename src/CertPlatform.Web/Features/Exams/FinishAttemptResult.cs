using CertPlatform.Web.Data;

namespace CertPlatform.Web.Features.Exams;

/// <summary>The finished attempt as stored, whether this call finished it, and the certificate a listener reported.</summary>
public sealed record FinishAttemptResult(Attempt Attempt, bool FinishedNow, string? CertificateId);
