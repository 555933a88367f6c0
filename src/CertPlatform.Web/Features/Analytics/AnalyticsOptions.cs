using CertPlatform.Web.Domain.Statistics;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>Configuration section "Analytics": flag thresholds and when observed facility replaces authored difficulty.</summary>
public sealed class AnalyticsOptions
{
    public const string Section = "Analytics";
    /// <summary>"Analytics:Flags:…" — when a figure earns a flag (defaults in docs/statistics.md).</summary>
    public FlagThresholds Flags { get; set; } = new();
    /// <summary>A question needs this many graded responses before blueprint draws trust its observed facility.</summary>
    public int ObservedFacilityMinResponses { get; set; } = 30;
    /// <summary>How long the bank-wide question figures used by blueprint draws are reused before being recomputed.</summary>
    public int ItemQualityCacheSeconds { get; set; } = 300;
    /// <summary>How often graded attempts without a current digest (e.g. its write failed after grading) get one written.</summary>
    public int DigestCatchUpSeconds { get; set; } = 300;
    /// <summary>Compile the statistics queries and pipeline in the background after start-up (<see cref="StatisticsWarmUp"/>).</summary>
    public bool WarmUp { get; set; } = true;
}
