namespace CertPlatform.Web.Domain.Statistics;

/// <summary>Test-level figures for the slots of one curriculum part.</summary>
public sealed record PartStatistics(string Group, TestStatistics Test);
