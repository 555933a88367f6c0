namespace CertPlatform.Web.Domain.Exams;

/// <summary>An attempt's total: score, maximum, whether it is final (nothing waits for an examiner) and, once final, the verdict.</summary>
public sealed record AttemptTotal(decimal Score, decimal MaxScore, bool Final, bool? Passed);
