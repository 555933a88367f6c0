using CertPlatform.Web.Data;

namespace CertPlatform.Web.Features.Exams;

/// <summary>
/// The finished attempt as stored, its paper (whose review options shape the result shown), whether this call finished it,
/// and the certificate a listener reported.
/// </summary>
public sealed record FinishAttemptResult(Attempt Attempt, Paper Paper, bool FinishedNow, string? CertificateId);
