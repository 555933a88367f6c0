namespace CertPlatform.Web.Features.Exams.Contract;

/// <summary>
/// The result of a finished attempt, as the paper's review options allow (score, maximum and verdict are
/// null when the paper does not show them). 200 body of <c>POST …/submit</c>; also in <see cref="AttemptState.Result"/>.
/// </summary>
public sealed record AttemptResult(
    string AttemptId, string Status, string Grading, DateTimeOffset? FinishedAtUtc, string? FinishReason,
    decimal? Score, decimal? MaxScore, bool? Passed, string? CertificateId);
