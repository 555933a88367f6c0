using CertPlatform.Web.Data;

namespace CertPlatform.Web.Features.Exams;

/// <summary>A submitted (or already finished) attempt, its paper (whose review options shape the result shown) and the certificate a listener reported.</summary>
public sealed record SubmittedAttempt(Attempt Attempt, Paper Paper, string? CertificateId);
