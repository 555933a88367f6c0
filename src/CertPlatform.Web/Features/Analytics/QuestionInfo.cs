using CertPlatform.Web.Domain.Statistics;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>What the report shows about a question version besides its figures.</summary>
public sealed record QuestionInfo(string QuestionId, int Version, string Type, string Stem, double? RandomGuessScore, IReadOnlyList<OptionStatistics> Options);
