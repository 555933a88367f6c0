namespace CertPlatform.Web.Domain.Statistics;

/// <summary>
/// Question-level figures of Moodle's report for one slot, or (when <see cref="Slot"/> is set) for
/// one question version drawn in it. Marks are in points; <see cref="Facility"/> is a fraction
/// (0…1); <see cref="DiscriminationIndex"/>, <see cref="DiscriminativeEfficiency"/>,
/// <see cref="IntendedWeight"/> and <see cref="EffectiveWeight"/> are percentages, as Moodle
/// computes them. Null means Moodle would leave the cell blank; nothing is clamped.
/// </summary>
public sealed record QuestionStatistics(
    string Key, string Label, string? Slot, string Group, int Attempts, double MaxMark, double MarkAverage,
    double? Facility, double? StandardDeviation, double? MarkVariance, double? CovarianceWithOverall,
    double? DiscriminationIndex, double? DiscriminativeEfficiency, double? IntendedWeight, double? EffectiveWeight)
{
    /// <summary>Expected fraction of the marks from random answers (Moodle's "random guess score"); null when it cannot be estimated.</summary>
    public double? RandomGuessScore { get; init; }

    /// <summary>The standard deviation as a percentage of the maximum mark (how Moodle shows it).</summary>
    public double? StandardDeviationPercent => StandardDeviation is { } sd && MaxMark > 0 ? 100 * sd / MaxMark : null;

    public double? FacilityPercent => Facility * 100;
}
