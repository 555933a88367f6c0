namespace CertPlatform.Web.Domain.Statistics;

/// <summary>One attempt's answer to a choice-like question: its total mark and the options it chose (by index).</summary>
public sealed record OptionChoice(double Total, IReadOnlyCollection<int> Chosen);
