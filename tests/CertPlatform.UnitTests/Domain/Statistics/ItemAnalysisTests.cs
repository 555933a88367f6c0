using CertPlatform.Web.Domain.Statistics;

namespace CertPlatform.UnitTests.Domain.Statistics;

/// <summary>Moodle's formulas on small matrices whose figures were worked out by hand (see docs/statistics.md).</summary>
public sealed class ItemAnalysisTests
{
    private const int Precision = 6;

    private static ScoreMatrix Matrix(params double[][] rows) =>
        new(Enumerable.Range(1, rows[0].Length).Select(j => new ScoreColumn("q" + j, "Q" + j, 1)).ToList(),
            rows.Select((_, i) => "a" + i).ToList(), rows);

    [Fact]
    public void Staircase_matrix_gives_the_hand_computed_test_and_question_figures()
    {
        // Totals 3, 2, 1, 0: mean 1.5, SD √(5/3); item variances ¼, ⅓, ¼ → α = 3/2·(1 − (5/6)/(5/3)) = 75 %.
        var r = ItemAnalysis.Compute(Matrix([1, 1, 1], [1, 1, 0], [1, 0, 0], [0, 0, 0]));
        var t = r.Test;
        Assert.Equal(4, t.Attempts);
        Assert.Equal(1.5, t.Mean!.Value, Precision);
        Assert.Equal(1.5, t.Median!.Value, Precision);
        Assert.Equal(Math.Sqrt(5.0 / 3), t.StandardDeviation!.Value, Precision);
        Assert.Equal(0, t.Skewness!.Value, Precision);
        Assert.Equal(-1.2, t.Kurtosis!.Value, Precision);      // k4 = −10/3, k2² = 25/9
        Assert.Equal(75, t.Cic!.Value, Precision);
        Assert.Equal(50, t.ErrorRatio!.Value, Precision);        // 100·√(1 − 0.75)
        Assert.Equal(0.5 * Math.Sqrt(5.0 / 3), t.StandardError!.Value, Precision);
        Assert.Equal(50, t.Percent(t.Mean)!.Value, Precision);

        var q1 = r.Slots[0];
        Assert.Equal(0.75, q1.Facility!.Value, Precision);
        Assert.Equal(0.5, q1.StandardDeviation!.Value, Precision);
        Assert.Equal(50, q1.StandardDeviationPercent!.Value, Precision);
        // cov(q1, rest) = ¼, var(q1) = ¼, var(rest) = 11/12 → 100·¼/√(¼·11/12)
        Assert.Equal(100 * 0.25 / Math.Sqrt(0.25 * 11 / 12), q1.DiscriminationIndex!.Value, Precision);
        Assert.Equal(100, q1.DiscriminativeEfficiency!.Value, Precision);
        Assert.Equal(100.0 / 3, q1.IntendedWeight!.Value, Precision);
        Assert.Equal(100 / Math.Sqrt(2), r.Slots[1].DiscriminationIndex!.Value, Precision);
        // Effective weights: √cov(q, total) over their sum; cov = ½, ⅔, ½.
        var sum = Math.Sqrt(0.5) * 2 + Math.Sqrt(2.0 / 3);
        Assert.Equal(100 * Math.Sqrt(0.5) / sum, q1.EffectiveWeight!.Value, Precision);
        Assert.Equal(100, r.Slots.Sum(s => s.EffectiveWeight!.Value), Precision);
    }

    [Fact]
    public void Negative_alpha_and_negative_discrimination_are_shown_as_they_are()
    {
        // Q1 and Q2 are opposites; totals 2, 2, 1, 1 (variance ⅓) while every item has variance ⅓:
        // α = 3/2·(1 − 1/(1/3)) = −300 %, error ratio 100·√(1 + 3) = 200 %.
        var r = ItemAnalysis.Compute(Matrix([1, 0, 1], [0, 1, 1], [1, 0, 0], [0, 1, 0]));
        Assert.Equal(-300, r.Test.Cic!.Value, Precision);
        Assert.Equal(200, r.Test.ErrorRatio!.Value, Precision);
        Assert.Equal(2 * Math.Sqrt(1.0 / 3), r.Test.StandardError!.Value, Precision);
        var q1 = r.Slots[0];
        Assert.Equal(-100 / Math.Sqrt(2), q1.DiscriminationIndex!.Value, Precision);   // cov −⅓, var ⅓ and ⅔
        Assert.Equal(-100, q1.DiscriminativeEfficiency!.Value, Precision);               // largest possible cov is ⅓
        Assert.Equal(0, q1.EffectiveWeight!.Value, Precision);                           // cov with total 0
        Assert.Equal(100, r.Slots[2].EffectiveWeight!.Value, Precision);
        var flags = ItemFlags.ForQuestion(q1, [], new FlagThresholds { MinResponses = 1 });
        Assert.Contains(flags, f => f.Kind == FlagKind.NegativeDiscrimination && f.Value < 0);
        Assert.Contains(ItemFlags.ForTest(r.Test, new FlagThresholds { MinResponses = 1 }), f => f.Kind == FlagKind.LowReliability && f.Value == r.Test.Cic);
    }

    [Fact]
    public void A_question_everyone_gets_right_has_facility_100_and_no_discrimination()
    {
        var r = ItemAnalysis.Compute(Matrix([1, 1], [1, 0], [1, 1], [1, 0]));
        var q = r.Slots[0];
        Assert.Equal(1, q.Facility);
        Assert.Equal(0, q.StandardDeviation);
        Assert.Null(q.DiscriminationIndex);
        Assert.Null(q.DiscriminativeEfficiency);
        Assert.Equal(0, q.EffectiveWeight!.Value, Precision);
        Assert.Contains(ItemFlags.ForQuestion(q, [], new FlagThresholds { MinResponses = 1 }), f => f.Kind == FlagKind.TooEasy);
    }

    [Fact]
    public void Zero_variance_in_the_totals_leaves_skewness_kurtosis_and_alpha_blank()
    {
        // Every attempt scores 1 (marks 0.1 + 0.9 in different places would leave a floating-point trace).
        var r = ItemAnalysis.Compute(new ScoreMatrix([new("a", "A", 1), new("b", "B", 1)], ["x", "y", "z", "w"],
            [[0.1, 0.9], [0.9, 0.1], [0.1, 0.9], [0.9, 0.1]]));
        Assert.Equal(1, r.Test.Mean!.Value, Precision);
        Assert.Equal(0, r.Test.StandardDeviation);
        Assert.Null(r.Test.Skewness);
        Assert.Null(r.Test.Kurtosis);
        Assert.Null(r.Test.Cic);
        Assert.Null(r.Test.ErrorRatio);
        // Same 0.1 everywhere: exactly zero variance, no spurious discrimination.
        var same = ItemAnalysis.Compute(Matrix([0.1, 1], [0.1, 0], [0.1, 1]));
        Assert.Equal(0, same.Slots[0].StandardDeviation);
        Assert.Null(same.Slots[0].DiscriminationIndex);
    }

    [Fact]
    public void A_single_attempt_gives_mean_median_and_facility_only()
    {
        var r = ItemAnalysis.Compute(Matrix([1, 0, 1]));
        Assert.Equal(1, r.Test.Attempts);
        Assert.Equal(2, r.Test.Mean);
        Assert.Equal(2, r.Test.Median);
        Assert.Null(r.Test.StandardDeviation);
        Assert.Null(r.Test.Cic);
        Assert.Equal(1, r.Slots[0].Facility);
        Assert.Equal(0, r.Slots[1].Facility);
        Assert.Null(r.Slots[0].StandardDeviation);
        Assert.Null(r.Slots[0].DiscriminationIndex);
        Assert.Null(r.Slots[0].EffectiveWeight);
    }

    [Fact]
    public void No_attempts_gives_no_figures()
    {
        var r = ItemAnalysis.Compute(new ScoreMatrix([new("a", "A", 1)], [], []));
        Assert.Equal(0, r.Test.Attempts);
        Assert.Null(r.Test.Mean);
        Assert.Equal(0, r.Slots[0].Attempts);
    }

    [Fact]
    public void Skewness_and_kurtosis_match_the_adjusted_fisher_pearson_coefficients()
    {
        // Totals 1, 2, 3, 10: G1 = √(n(n−1))/(n−2)·g1 and G2 = ((n+1)g2 + 6)(n−1)/((n−2)(n−3)), worked out separately.
        var t = ItemAnalysis.Describe([1, 2, 3, 10], 10, 0, 1);
        Assert.Equal(4, t.Mean);
        Assert.Equal(2.5, t.Median);
        Assert.Equal(4.08248290463863, t.StandardDeviation!.Value, Precision);
        Assert.Equal(1.763632614803888, t.Skewness!.Value, Precision);
        Assert.Equal(3.228, t.Kurtosis!.Value, Precision);
        Assert.Null(t.Cic); // one item: Moodle computes no CIC
    }

    [Fact]
    public void Parts_are_analysed_as_tests_of_their_own_and_drawn_versions_against_the_whole_mark()
    {
        var columns = new List<ScoreColumn> { new("s1", "1", 1, "p1"), new("s2", "2", 1, "p1"), new("s3", "3", 2, "p2") };
        double[][] marks = [[1, 1, 2], [1, 0, 1], [0, 0, 0], [1, 1, 0]];
        string?[][] drawn = [["x@1", "y@1", "z@1"], ["w@1", "y@1", "z@1"], ["x@1", "y@1", "z@1"], ["w@1", "y@1", "z@1"]];
        var r = ItemAnalysis.Compute(new ScoreMatrix(columns, ["a", "b", "c", "d"], marks, drawn));
        var p1 = r.Parts.Single(p => p.Group == "p1").Test;
        Assert.Equal(2, p1.MaxTotal);
        Assert.Equal(1.25, p1.Mean);                // part totals 2, 1, 0, 2
        Assert.Equal(4, r.Parts.Single(p => p.Group == "p2").Test.Attempts);
        // Slot 1 drew x (attempts a, c: marks 1, 0) and w (b, d: 1, 1); only slot 1 drew several questions.
        Assert.Equal(["w@1", "x@1"], r.Versions.Select(v => v.Key));
        var x = r.Versions.Single(v => v.Key == "x@1");
        Assert.Equal("1", x.Slot);
        Assert.Equal(2, x.Attempts);
        Assert.Equal(0.5, x.Facility);
        Assert.Equal(100, x.DiscriminationIndex!.Value, Precision); // against totals 4 and 0
        Assert.Null(r.Versions.Single(v => v.Key == "w@1").DiscriminationIndex); // always right
    }

    [Fact]
    public void A_large_matrix_measured_on_every_core_puts_each_columns_figures_in_its_place()
    {
        // 1,200 attempts × 100 columns (above the threshold for measuring columns in parallel), a different facility per column.
        var rng = new Random(5);
        var marks = Enumerable.Range(0, 1200).Select(_ => Enumerable.Range(0, 100).Select(j => rng.NextDouble() < (j + 1) / 101.0 ? 1.0 : 0).ToArray()).ToArray();
        var r = ItemAnalysis.Compute(Matrix(marks));
        var totals = marks.Select(row => row.Sum()).ToArray();
        for (var j = 0; j < 100; j++)
        {
            var column = marks.Select(row => row[j]).ToArray();
            var rest = totals.Select((t, i) => t - column[i]).ToArray();
            Assert.Equal(column.Average(), r.Slots[j].Facility!.Value, Precision);
            Assert.Equal(100 * Correlation(column, rest), r.Slots[j].DiscriminationIndex!.Value, Precision);
        }
    }

    private static double Correlation(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.Sqrt(sxx * syy);
    }
}
