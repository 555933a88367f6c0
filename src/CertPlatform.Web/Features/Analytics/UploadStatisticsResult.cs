using CertPlatform.Web.Domain.Statistics;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>
/// The outcome of <see cref="UploadStatistics"/>: the report and the token its exports use (analysed), the problems by
/// row and column (invalid), or why the file could not be read (unreadable).
/// </summary>
public sealed record UploadStatisticsResult(UploadStatisticsOutcome Outcome, StatisticsReport? Report = null, string? Token = null,
    IReadOnlyList<MatrixError>? Errors = null, string? Reason = null);
