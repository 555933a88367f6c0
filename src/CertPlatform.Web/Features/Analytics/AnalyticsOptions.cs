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
}
