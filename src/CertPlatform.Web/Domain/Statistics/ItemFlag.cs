namespace CertPlatform.Web.Domain.Statistics;

/// <summary>A flag on a question (or, for <see cref="FlagKind.LowReliability"/>, on the paper): the figure that raised it, the threshold, and the option it is about if any.</summary>
public sealed record ItemFlag(FlagKind Kind, double Value, double Threshold, string? Option = null);
