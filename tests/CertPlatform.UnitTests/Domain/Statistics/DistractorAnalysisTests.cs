using CertPlatform.Web.Domain.Statistics;

namespace CertPlatform.UnitTests.Domain.Statistics;

public sealed class DistractorAnalysisTests
{
    private static readonly (string, bool)[] Options = [("A", true), ("B", false), ("C", false), ("D", false)];

    [Fact]
    public void Options_are_counted_overall_and_in_the_top_and_bottom_27_percent()
    {
        // Ten attempts: groups of round(2.7) = 3. Top (totals 10, 9, 8) chose A, A, C; bottom (3, 2, 1) chose B, B, C.
        var answers = new List<OptionChoice>
        {
            new(5, [0]), new(10, [0]), new(2, [1]), new(9, [0]), new(1, [2]), new(8, [2]), new(3, [1]), new(6, [0]), new(7, [1]), new(4, [0]),
        };
        var stats = DistractorAnalysis.Compute(Options, answers);
        var a = stats[0];
        Assert.Equal((5, 0.5, 2, 2.0 / 3, 0, 0.0), (a.Count, a.Fraction, a.TopCount, a.TopFraction, a.BottomCount, a.BottomFraction));
        var b = stats[1];
        Assert.Equal((3, 0, 2), (b.Count, b.TopCount, b.BottomCount));
        var c = stats[2];
        Assert.Equal((2, 1, 1), (c.Count, c.TopCount, c.BottomCount));
        var d = stats[3];
        Assert.Equal((0, 0.0), (d.Count, d.Fraction));

        var flags = ItemFlags.ForQuestion(Question(10), stats, new FlagThresholds { MinResponses = 1 });
        Assert.Contains(flags, f => f.Kind == FlagKind.UnusedDistractor && f.Option == "D");
        Assert.DoesNotContain(flags, f => f.Option == "B");
    }

    [Fact]
    public void A_distractor_the_top_group_prefers_is_flagged()
    {
        // Top three chose C (a wrong option); bottom three chose the key.
        var answers = new List<OptionChoice> { new(9, [2]), new(8, [2]), new(7, [2]), new(6, [1]), new(5, [3]), new(2, [0]), new(1, [0]), new(0, [0]), new(4, [1]), new(3, [3]) };
        var stats = DistractorAnalysis.Compute(Options, answers);
        Assert.Equal(1.0, stats[2].TopFraction);
        Assert.Equal(0.0, stats[2].BottomFraction);
        var flags = ItemFlags.ForQuestion(Question(10), stats, new FlagThresholds { MinResponses = 1 });
        var flag = Assert.Single(flags, f => f.Kind == FlagKind.DistractorPreferredByTopGroup);
        Assert.Equal("C", flag.Option);
    }

    [Fact]
    public void Multiple_choice_answers_count_every_chosen_option_and_flags_wait_for_enough_responses()
    {
        var stats = DistractorAnalysis.Compute(Options, [new(2, [0, 1]), new(1, [1])]);
        Assert.Equal(1, DistractorAnalysis.GroupSize(2));
        Assert.Equal(2, stats[1].Count);
        Assert.Equal(1.0, stats[1].Fraction);
        Assert.Empty(ItemFlags.ForQuestion(Question(2), stats, new FlagThresholds { MinResponses = 10 }));
    }

    [Fact]
    public void Answers_placed_in_a_ranking_give_the_figures_of_the_definition_ties_repeats_and_stray_options_included()
    {
        var rng = new Random(13);
        foreach (var n in new[] { 0, 1, 2, 3, 10, 37, 500 })
        {
            // Totals with many ties; choices with repeats and indices outside the options (neither counts).
            var answers = Enumerable.Range(0, n).Select(_ => new OptionChoice(rng.Next(6),
                Enumerable.Range(0, rng.Next(4)).Select(_ => rng.Next(-1, 6)).ToArray())).ToList();
            var expected = Definition(Options, answers);
            Assert.Equal(expected, DistractorAnalysis.Compute(Options, answers));
            // The same answers placed in a ranking of their own (highest total first, ties in the order given).
            var ranks = new int[n];
            var place = 0;
            foreach (var i in Enumerable.Range(0, n).OrderByDescending(i => answers[i].Total).ThenBy(i => i)) ranks[i] = place++;
            Assert.Equal(expected, DistractorAnalysis.Compute(Options, ranks, answers.Select(a => a.Chosen.ToArray()).ToArray()));
        }
    }

    [Fact]
    public void Answers_with_the_same_place_rank_in_the_order_given()
    {
        // Four answers, groups of one: three share the best place; the first of them is the top group.
        var stats = DistractorAnalysis.Compute(Options, [0, 0, 0, 1], [[1], [2], [3], [0]]);
        Assert.Equal([0, 1, 0, 0], stats.Select(o => o.TopCount));
        Assert.Equal([1, 0, 0, 0], stats.Select(o => o.BottomCount));
        Assert.Throws<ArgumentException>(() => DistractorAnalysis.Compute(Options, [0, 1], [[0]]));
    }

    [Fact]
    public void Sparse_places_give_the_same_groups_as_consecutive_ones_and_a_negative_place_is_refused()
    {
        // Places far above the number of answers (a question few attempts had) are sorted, not counted into order.
        int[][] chosen = [[0], [1], [2], [3], [0], [1]];
        var consecutive = DistractorAnalysis.Compute(Options, [3, 0, 3, 5, 1, 2], chosen);
        var sparse = DistractorAnalysis.Compute(Options, [9_000, 7, 9_000, 90_000, 8, 500], chosen);
        Assert.Equal(consecutive, sparse);
        // Groups of round(0.27 × 6) = 2: top = places 7 and 8 (options B, A), bottom = the later 9,000 and 90,000 (C, D).
        Assert.Equal([1, 1, 0, 0], sparse.Select(o => o.TopCount));
        Assert.Equal([0, 0, 1, 1], sparse.Select(o => o.BottomCount));
        Assert.Throws<ArgumentOutOfRangeException>(() => DistractorAnalysis.Compute(Options, [-1], [[0]]));
    }

    /// <summary>The analysis as docs/statistics.md defines it, written plainly: rank by total, take the groups, count.</summary>
    private static List<OptionStatistics> Definition(IReadOnlyList<(string Label, bool Correct)> options, List<OptionChoice> answers)
    {
        var n = answers.Count;
        var g = DistractorAnalysis.GroupSize(n);
        var ranked = answers.Select((a, i) => (a, i)).OrderByDescending(x => x.a.Total).ThenBy(x => x.i).Select(x => x.a).ToList();
        var top = ranked.Take(g).ToList();
        var bottom = ranked.Skip(n - g).ToList();
        return options.Select((o, k) =>
        {
            var all = answers.Count(a => a.Chosen.Contains(k));
            var t = top.Count(a => a.Chosen.Contains(k));
            var b = bottom.Count(a => a.Chosen.Contains(k));
            return new OptionStatistics(o.Label, o.Correct, all, n == 0 ? 0 : (double)all / n, t, g == 0 ? 0 : (double)t / g, b, g == 0 ? 0 : (double)b / g);
        }).ToList();
    }

    private static QuestionStatistics Question(int attempts) =>
        new("q", "q", null, "", attempts, 1, 0.5, 0.5, 0.5, 0.25, 0.1, 40, 60, 10, 10);
}
