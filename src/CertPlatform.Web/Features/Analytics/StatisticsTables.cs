using System.Globalization;
using CertPlatform.Web.Domain.Statistics;
using CertPlatform.Web.Infrastructure;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>
/// The report's tables as rows for CSV/XLSX (and for <c>item-stats --out</c>): machine-readable
/// column names and Moodle's units — percentages where Moodle's report shows percentages
/// (mean, median, SD and standard error of the test as a share of the maximum mark; facility,
/// question SD, weights, discrimination, efficiency, α and error ratio), skewness and kurtosis as numbers.
/// </summary>
public static class StatisticsTables
{
    public static readonly string[] TestStats = ["attempts", "mean", "median", "sd", "skewness", "kurtosis", "cronbach_alpha", "error_ratio", "standard_error", "items", "max_mark"];

    public static IEnumerable<IReadOnlyList<ExportCell>> Rows(StatisticsReport report, StatisticsTable table) => table switch
    {
        StatisticsTable.Test => TestRows(report.Test),
        StatisticsTable.Parts => PartRows(report),
        StatisticsTable.Questions => QuestionRows(report),
        _ => OptionRows(report),
    };

    public static IEnumerable<IReadOnlyList<ExportCell>> TestRows(TestStatistics t)
    {
        yield return ["stat", "value"];
        foreach (var (stat, value) in TestStats.Zip(TestValues(t))) yield return [stat, Number(value)];
    }

    private static IEnumerable<double?> TestValues(TestStatistics t) =>
        [t.Attempts, t.Percent(t.Mean), t.Percent(t.Median), t.Percent(t.StandardDeviation), t.Skewness, t.Kurtosis, t.Cic, t.ErrorRatio, t.Percent(t.StandardError), t.Items, t.MaxTotal];

    private static IEnumerable<IReadOnlyList<ExportCell>> PartRows(StatisticsReport report)
    {
        yield return ["part", "title", .. TestStats.Select(s => (ExportCell)s)];
        foreach (var p in report.Analysis.Parts)
            yield return [p.Group, report.PartTitle(p.Group), .. TestValues(p.Test).Select(Number)];
    }

    public static IEnumerable<IReadOnlyList<ExportCell>> QuestionRows(StatisticsReport report)
    {
        yield return ["question", "slot", "version", "type", "attempts", "facility", "sd", "random_guess_score", "intended_weight", "effective_weight",
            "discrimination_index", "discriminative_efficiency", "flags"];
        foreach (var r in report.AllRows)
        {
            var s = r.Stats;
            yield return [r.QuestionId ?? s.Key, s.Slot ?? s.Label, r.Version is { } v ? Number(v) : "", r.Type, Number(s.Attempts), Number(s.FacilityPercent),
                Number(s.StandardDeviationPercent), Number(s.RandomGuessScore * 100), Number(s.IntendedWeight), Number(s.EffectiveWeight),
                Number(s.DiscriminationIndex), Number(s.DiscriminativeEfficiency), string.Join(";", r.Flags.Select(FlagCode))];
        }
    }

    private static IEnumerable<IReadOnlyList<ExportCell>> OptionRows(StatisticsReport report)
    {
        yield return ["question", "version", "option", "correct", "count", "percent", "top_27_percent", "bottom_27_percent"];
        foreach (var r in report.AllRows.Where(r => r.Options.Count > 0).DistinctBy(r => (r.QuestionId, r.Version)))
            foreach (var o in r.Options)
                yield return [r.QuestionId ?? r.Stats.Key, r.Version is { } v ? Number(v) : "", OptionCode(o.Label), o.Correct ? "1" : "0", Number(o.Count),
                    Number(o.Fraction * 100), Number(o.TopFraction * 100), Number(o.BottomFraction * 100)];
    }

    public static string FlagCode(ItemFlag f)
    {
        var code = f.Kind switch
        {
            FlagKind.TooEasy => "too_easy",
            FlagKind.TooHard => "too_hard",
            FlagKind.WeakDiscrimination => "weak_discrimination",
            FlagKind.NegativeDiscrimination => "negative_discrimination",
            FlagKind.UnusedDistractor => "unused_distractor",
            FlagKind.DistractorPreferredByTopGroup => "distractor_preferred_by_top_group",
            _ => "low_reliability",
        };
        return f.Option is null ? code : $"{code}({OptionCode(f.Option)})";
    }

    private static string OptionCode(string label) => label switch
    {
        ResponseTally.TrueLabel => "true",
        ResponseTally.FalseLabel => "false",
        _ => label,
    };

    public static ExportCell Number(double? value) =>
        value is { } v && double.IsFinite(v) ? new ExportCell(Math.Round(v, 4).ToString("0.####", CultureInfo.InvariantCulture), true) : "";
}
