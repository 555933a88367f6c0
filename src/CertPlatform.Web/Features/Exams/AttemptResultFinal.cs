namespace CertPlatform.Web.Features.Exams;

/// <summary>
/// Raised whenever an attempt's result becomes final (graded on submit or at the deadline, the last
/// essay graded, or a regrade that changed the verdict). Exams only reports the result; what it means —
/// a certificate, a notification — is decided by the features that listen.
/// </summary>
public sealed record AttemptResultFinal(string AttemptId, string UserId, string PaperId, bool Passed, decimal Score, decimal MaxScore, DateTimeOffset FinishedAt);
