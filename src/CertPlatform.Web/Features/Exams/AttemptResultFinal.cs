namespace CertPlatform.Web.Features.Exams;

/// <summary>
/// Raised whenever an attempt's result becomes final (graded on submit or at the deadline, the last
/// essay graded, or a regrade that changed the verdict). Exams only reports the result; what it means —
/// a certificate, a notification — is decided by the features that listen. <see cref="PaperKind"/> is the paper's kind
/// when the publisher had the paper at hand (finishing), null when it did not (listeners then read it themselves).
/// </summary>
public sealed record AttemptResultFinal(string AttemptId, string UserId, string PaperId, bool Passed, decimal Score, decimal MaxScore, DateTimeOffset FinishedAt,
    string? PaperKind = null);
