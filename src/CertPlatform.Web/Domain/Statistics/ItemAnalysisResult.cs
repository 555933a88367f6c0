namespace CertPlatform.Web.Domain.Statistics;

/// <summary>
/// Everything <see cref="ItemAnalysis"/> computes: the whole test, each curriculum part as if it
/// were a test of its own, each slot, and each question version drawn in a slot that drew several.
/// </summary>
public sealed record ItemAnalysisResult(
    TestStatistics Test, IReadOnlyList<PartStatistics> Parts, IReadOnlyList<QuestionStatistics> Slots,
    IReadOnlyList<QuestionStatistics> Versions, IReadOnlyList<double> Totals);
