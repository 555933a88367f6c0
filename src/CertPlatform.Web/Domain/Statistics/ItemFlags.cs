namespace CertPlatform.Web.Domain.Statistics;

/// <summary>Turns figures into flags a non-statistician can act on (thresholds in <see cref="FlagThresholds"/>).</summary>
public static class ItemFlags
{
    public static IReadOnlyList<ItemFlag> ForQuestion(QuestionStatistics q, IReadOnlyList<OptionStatistics> options, FlagThresholds t)
    {
        var flags = new List<ItemFlag>();
        if (q.Attempts < t.MinResponses) return flags;
        if (q.FacilityPercent is { } f)
        {
            if (f >= t.TooEasyFacility) flags.Add(new ItemFlag(FlagKind.TooEasy, f, t.TooEasyFacility));
            else if (f <= t.TooHardFacility) flags.Add(new ItemFlag(FlagKind.TooHard, f, t.TooHardFacility));
        }
        if (q.DiscriminationIndex is { } d)
        {
            if (d < 0) flags.Add(new ItemFlag(FlagKind.NegativeDiscrimination, d, 0));
            else if (d < t.WeakDiscrimination) flags.Add(new ItemFlag(FlagKind.WeakDiscrimination, d, t.WeakDiscrimination));
        }
        foreach (var o in options.Where(o => !o.Correct))
        {
            if (o.Fraction * 100 <= t.UnusedDistractorPercent)
                flags.Add(new ItemFlag(FlagKind.UnusedDistractor, o.Fraction * 100, t.UnusedDistractorPercent, o.Label));
            else if (o.TopFraction > o.BottomFraction)
                flags.Add(new ItemFlag(FlagKind.DistractorPreferredByTopGroup, o.TopFraction * 100, o.BottomFraction * 100, o.Label));
        }
        return flags;
    }

    public static IReadOnlyList<ItemFlag> ForTest(TestStatistics test, FlagThresholds t) =>
        test.Cic is { } cic && test.Attempts >= t.MinResponses && cic < t.LowReliability
            ? [new ItemFlag(FlagKind.LowReliability, cic, t.LowReliability)]
            : [];
}
