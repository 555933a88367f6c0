namespace CertPlatform.Web.Features.Results;

public sealed record AttemptRow(
    string AttemptId, string FullName, string? EmployeeNumber, string Organization, int Number, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
    string Status, string? FinishReason, string Grading, decimal? Score, decimal MaxScore, bool? Passed, int FocusLossCount, bool PassChangedByRegrade);
