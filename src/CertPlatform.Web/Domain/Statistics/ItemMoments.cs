namespace CertPlatform.Web.Domain.Statistics;

/// <summary>
/// The sums Moodle's question calculator accumulates for one question: variances of its mark and of
/// the "other" mark (rest of the test, or the whole test for a drawn version), their covariance, the
/// largest covariance the same marks could have (both lists sorted) and the covariance with the
/// attempt's total. Sample statistics (n−1); null with fewer than two attempts.
/// </summary>
internal readonly record struct ItemMoments(
    int Attempts, double MarkAverage, double? MarkVariance, double? OtherVariance, double? Covariance,
    double? CovarianceMax, double? CovarianceWithOverall)
{
    public double? StandardDeviation => MarkVariance is { } v ? Math.Sqrt(v) : null;

    public static ItemMoments Measure(double[] marks, double[] others, double[] totals) =>
        Measure(marks, others, totals, new double[marks.Length], new double[marks.Length]);

    /// <summary>The same, sorting copies of the marks in <paramref name="sortedMarks"/> and <paramref name="sortedOthers"/> (at least as long).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static ItemMoments Measure(double[] marks, double[] others, double[] totals, double[] sortedMarks, double[] sortedOthers)
    {
        var s = marks.Length;
        if (s == 0) return new ItemMoments(0, 0, null, null, null, null, null);
        var markAverage = Average(marks);
        if (s < 2) return new ItemMoments(s, markAverage, null, null, null, null, null);
        var otherAverage = Average(others);
        var totalAverage = Average(totals);
        // A list whose values are all equal has variance 0 exactly (floating-point means would leave a trace).
        var markConstant = Constant(marks);
        var otherConstant = Constant(others);
        double markSum = 0, otherSum = 0, covSum = 0, overallSum = 0;
        for (var i = 0; i < s; i++)
        {
            var dm = markConstant ? 0 : marks[i] - markAverage;
            var dother = otherConstant ? 0 : others[i] - otherAverage;
            markSum += dm * dm;
            otherSum += dother * dother;
            covSum += dm * dother;
            overallSum += dm * (totals[i] - totalAverage);
        }
        double maxSum = 0;
        if (!markConstant && !otherConstant)
        {
            marks.AsSpan(0, s).CopyTo(sortedMarks);
            others.AsSpan(0, s).CopyTo(sortedOthers);
            Array.Sort(sortedMarks, 0, s);
            Array.Sort(sortedOthers, 0, s);
            for (var i = 0; i < s; i++) maxSum += (sortedMarks[i] - markAverage) * (sortedOthers[i] - otherAverage);
        }
        return new ItemMoments(s, markAverage, markSum / (s - 1), otherSum / (s - 1), covSum / (s - 1), maxSum / (s - 1), overallSum / (s - 1));
    }

    private static double Average(double[] values)
    {
        double sum = 0;
        foreach (var v in values) sum += v;
        return sum / values.Length;
    }

    private static bool Constant(double[] values)
    {
        for (var i = 1; i < values.Length; i++)
            if (values[i] != values[0]) return false;
        return true;
    }
}
