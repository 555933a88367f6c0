using CertPlatform.Web.Domain.Statistics;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>
/// Item analysis ready to show or export: the figures, question rows with their options and flags,
/// the paper's flags and the titles of the curriculum parts.
/// </summary>
public sealed record StatisticsReport(
    string Title, ItemAnalysisResult Analysis, IReadOnlyList<QuestionRow> Slots, IReadOnlyList<QuestionRow> Versions,
    IReadOnlyList<ItemFlag> TestFlags, IReadOnlyDictionary<string, string> PartTitles)
{
    public TestStatistics Test => Analysis.Test;

    public IEnumerable<QuestionRow> AllRows => Slots.Concat(Versions);

    public string PartTitle(string group) => PartTitles.TryGetValue(group, out var t) ? t : group;

    /// <param name="info">Question versions by the keys of the analysis (slot keys for single-question slots, drawn keys for versions).</param>
    /// <param name="slotQuestion">The one question version a slot always drew, if so.</param>
    public static StatisticsReport Build(
        string title, ItemAnalysisResult analysis, IReadOnlyDictionary<string, QuestionInfo> info,
        Func<string, string?> slotQuestion, FlagThresholds thresholds, IReadOnlyDictionary<string, string> partTitles)
    {
        QuestionRow Row(QuestionStatistics s, QuestionInfo? q)
        {
            var options = q?.Options ?? [];
            var stats = s with { RandomGuessScore = q?.RandomGuessScore };
            return new QuestionRow(stats, q?.QuestionId, q?.Version, q?.Type ?? "", q?.Stem ?? "", options, ItemFlags.ForQuestion(stats, options, thresholds));
        }
        var slots = analysis.Slots.Select(s => Row(s, slotQuestion(s.Key) is { } key && info.TryGetValue(key, out var q) ? q : null)).ToList();
        var versions = analysis.Versions.Select(v => Row(v, info.GetValueOrDefault(v.Key))).ToList();
        return new StatisticsReport(title, analysis, slots, versions, ItemFlags.ForTest(analysis.Test, thresholds), partTitles);
    }
}
