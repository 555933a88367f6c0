namespace CertPlatform.Web.Domain.Statistics;

/// <summary>
/// Option-level (distractor) analysis: for each option, the share of attempts that chose it overall
/// and in the top and bottom groups. The groups are Kelley's 27 %: the attempts that had the question,
/// ranked by total mark (ties keep the order given), the first and last round(0.27·n) of them (at least one).
/// </summary>
public static class DistractorAnalysis
{
    public const double GroupShare = 0.27;

    public static int GroupSize(int attempts) => attempts == 0 ? 0 : Math.Max(1, (int)Math.Round(GroupShare * attempts, MidpointRounding.AwayFromZero));

    public static IReadOnlyList<OptionStatistics> Compute(IReadOnlyList<(string Label, bool Correct)> options, IReadOnlyList<OptionChoice> answers)
    {
        var n = answers.Count;
        var g = GroupSize(n);
        var ranked = answers.Select((a, i) => (a, i)).OrderByDescending(x => x.a.Total).ThenBy(x => x.i).Select(x => x.a).ToList();
        var top = ranked.Take(g).ToList();
        var bottom = ranked.Skip(n - g).ToList();
        return options.Select((o, k) =>
        {
            var all = answers.Count(a => a.Chosen.Contains(k));
            var t = top.Count(a => a.Chosen.Contains(k));
            var b = bottom.Count(a => a.Chosen.Contains(k));
            return new OptionStatistics(o.Label, o.Correct, all, Share(all, n), t, Share(t, g), b, Share(b, g));
        }).ToList();
    }

    private static double Share(int count, int of) => of == 0 ? 0 : (double)count / of;
}
