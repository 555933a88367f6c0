using System.Runtime.CompilerServices;

namespace CertPlatform.Web.Domain.Statistics;

/// <summary>
/// Option-level (distractor) analysis: for each option, the share of attempts that chose it overall
/// and in the top and bottom groups. The groups are Kelley's 27 %: the attempts that had the question,
/// ranked by total mark (ties keep the order given), the first and last round(0.27·n) of them (at least one).
/// </summary>
public static class DistractorAnalysis
{
    public const double GroupShare = 0.27;

    private const byte Top = 1;
    private const byte Bottom = 2;

    public static int GroupSize(int attempts) => attempts == 0 ? 0 : Math.Max(1, (int)Math.Round(GroupShare * attempts, MidpointRounding.AwayFromZero));

    public static IReadOnlyList<OptionStatistics> Compute(IReadOnlyList<(string Label, bool Correct)> options, IReadOnlyList<OptionChoice> answers)
    {
        // Places by total, highest first; LINQ's ordering is stable, so equal totals keep the order given.
        var ranks = new int[answers.Count];
        var place = 0;
        foreach (var i in Enumerable.Range(0, answers.Count).OrderByDescending(i => answers[i].Total)) ranks[i] = place++;
        var chosen = answers.Select(a => a.Chosen as int[] ?? a.Chosen.ToArray()).ToArray();
        return Compute(options, ranks, chosen);
    }

    /// <summary>
    /// The same analysis from each answer's place in a ranking of the attempts by total mark, highest first
    /// (<paramref name="ranks"/>, 0 the best, never negative; answers with the same place rank in the order given), and the options it
    /// chose (<paramref name="chosen"/>: indices into <paramref name="options"/>; others and repeats are not counted).
    /// A ranking computed once for every question of a paper spares sorting each question's answers by total.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static IReadOnlyList<OptionStatistics> Compute(IReadOnlyList<(string Label, bool Correct)> options, ReadOnlySpan<int> ranks, ReadOnlySpan<int[]> chosen)
    {
        if (ranks.Length != chosen.Length) throw new ArgumentException("one rank per answer", nameof(ranks));
        var n = ranks.Length;
        var g = GroupSize(n);
        var order = Order(ranks);
        var group = new byte[n];
        for (var p = 0; p < g; p++) group[order[p]] |= Top;
        for (var p = n - g; p < n; p++) group[order[p]] |= Bottom;

        var k = options.Count;
        var all = new int[k];
        var top = new int[k];
        var bottom = new int[k];
        for (var i = 0; i < n; i++)
        {
            var c = chosen[i];
            for (var m = 0; m < c.Length; m++)
            {
                var o = c[m];
                if ((uint)o >= (uint)k || (m > 0 && Array.IndexOf(c, o, 0, m) >= 0)) continue;
                all[o]++;
                if ((group[i] & Top) != 0) top[o]++;
                if ((group[i] & Bottom) != 0) bottom[o]++;
            }
        }
        var result = new OptionStatistics[k];
        for (var o = 0; o < k; o++)
            result[o] = new OptionStatistics(options[o].Label, options[o].Correct, all[o], Share(all[o], n), top[o], Share(top[o], g), bottom[o], Share(bottom[o], g));
        return result;
    }

    /// <summary>
    /// The answers' positions by place, ties in the order given. Places within a few times the number of answers (a
    /// paper's attempts ranked once) are counted into order without comparing; others are sorted as (place, position).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] Order(ReadOnlySpan<int> ranks)
    {
        var n = ranks.Length;
        var order = new int[n];
        var highest = -1;
        foreach (var r in ranks)
        {
            if (r < 0) throw new ArgumentOutOfRangeException(nameof(ranks), r, "a place is 0 or more");
            highest = Math.Max(highest, r);
        }
        if (highest < 4 * n + 64)
        {
            var start = new int[highest + 2];
            foreach (var r in ranks) start[r + 1]++;
            for (var p = 1; p < start.Length; p++) start[p] += start[p - 1];
            for (var i = 0; i < n; i++) order[start[ranks[i]]++] = i;
            return order;
        }
        var keys = new long[n];
        for (var i = 0; i < n; i++) keys[i] = ((long)ranks[i] << 32) | (uint)i;
        Array.Sort(keys);
        for (var p = 0; p < n; p++) order[p] = (int)(keys[p] & uint.MaxValue);
        return order;
    }

    private static double Share(int count, int of) => of == 0 ? 0 : (double)count / of;
}
