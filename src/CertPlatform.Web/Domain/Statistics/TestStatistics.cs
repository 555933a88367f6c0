namespace CertPlatform.Web.Domain.Statistics;

/// <summary>
/// Test-level figures of Moodle's quiz statistics report, in marks (see docs/statistics.md). A figure
/// Moodle leaves blank for the data (too few attempts, zero variance) is null. <see cref="Cic"/> and
/// <see cref="ErrorRatio"/> are percentages, as Moodle computes them; nothing is clamped, so
/// <see cref="Cic"/> can be negative.
/// </summary>
public sealed record TestStatistics(
    int Attempts, int Items, double MaxTotal, double? Mean, double? Median, double? StandardDeviation,
    double? Skewness, double? Kurtosis, double? Cic, double? ErrorRatio, double? StandardError)
{
    /// <summary>A mark as a percentage of the maximum (how Moodle shows mean, median, SD and standard error).</summary>
    public double? Percent(double? marks) => marks is { } m && MaxTotal > 0 ? 100 * m / MaxTotal : null;
}
