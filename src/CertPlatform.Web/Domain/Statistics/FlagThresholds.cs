namespace CertPlatform.Web.Domain.Statistics;

/// <summary>
/// When a figure earns a flag (percentages, in Moodle's units). Defaults are documented in
/// docs/statistics.md; the app binds them from the <c>Analytics:Flags</c> configuration section.
/// </summary>
public sealed class FlagThresholds
{
    /// <summary>Facility index at or above this (%) is "too easy".</summary>
    public double TooEasyFacility { get; set; } = 90;
    /// <summary>Facility index at or below this (%) is "too hard".</summary>
    public double TooHardFacility { get; set; } = 20;
    /// <summary>Discrimination index below this (%) but not negative is "weak".</summary>
    public double WeakDiscrimination { get; set; } = 20;
    /// <summary>A wrong option chosen by at most this share (%) of the attempts is "a distractor nobody chooses" (0 = literally nobody).</summary>
    public double UnusedDistractorPercent { get; set; } = 0;
    /// <summary>A paper whose coefficient of internal consistency (%) is below this is "low reliability".</summary>
    public double LowReliability { get; set; } = 70;
    /// <summary>Questions with fewer responses than this get no flags (too little evidence).</summary>
    public int MinResponses { get; set; } = 10;
}
