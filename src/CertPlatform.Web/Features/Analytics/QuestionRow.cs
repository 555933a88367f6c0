using CertPlatform.Web.Domain.Statistics;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>A row of the question table: the figures, which question (when known), its options and flags.</summary>
public sealed record QuestionRow(
    QuestionStatistics Stats, string? QuestionId, int? Version, string Type, string Stem,
    IReadOnlyList<OptionStatistics> Options, IReadOnlyList<ItemFlag> Flags);
