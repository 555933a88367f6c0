namespace CertPlatform.Web.Domain.Statistics;

/// <summary>
/// Classical item analysis exactly as Moodle's quiz statistics report computes it
/// (<c>mod/quiz/report/statistics/classes/calculator.php</c> for the test,
/// <c>question/classes/statistics/questions/calculator.php</c> for questions): sample statistics
/// with n−1, nothing clamped, a figure left null where Moodle leaves it blank. Every formula is
/// written down in docs/statistics.md.
/// </summary>
public static class ItemAnalysis
{
    /// <summary>From this many marks on, the columns are measured on every core (each column on its own: same figures).</summary>
    private const long ParallelMarks = 100_000;

    public static ItemAnalysisResult Compute(ScoreMatrix matrix)
    {
        var n = matrix.Attempts.Count;
        var p = matrix.Columns.Count;
        var totals = matrix.Totals();
        var maxTotal = matrix.MaxTotal;
        var measured = new ItemMoments[p];
        if ((long)n * p >= ParallelMarks)
            Parallel.For(0, p, () => new ColumnBuffers(n), (j, _, buffers) =>
            {
                measured[j] = MeasureColumn(matrix.Marks, totals, j, buffers);
                return buffers;
            }, _ => { });
        else
        {
            var buffers = new ColumnBuffers(n);
            for (var j = 0; j < p; j++) measured[j] = MeasureColumn(matrix.Marks, totals, j, buffers);
        }

        var slots = WithEffectiveWeights(matrix.Columns.Select((c, j) =>
            Question(c.Key, c.Label, null, c.Group, c.MaxMark, maxTotal, measured[j])).ToList());
        var test = Describe(totals, maxTotal, measured.Sum(m => m.MarkVariance ?? 0), p);

        var parts = matrix.Columns.Select(c => c.Group).Where(g => g.Length > 0).Distinct()
            .Select(g => new PartStatistics(g, PartTest(matrix, g, measured))).ToList();
        return new ItemAnalysisResult(test, parts, slots, Versions(matrix, totals, maxTotal), totals);
    }

    /// <summary>Column <paramref name="j"/>'s moments against the rest of the test, through one thread's reused buffers.</summary>
    /// <remarks>Compiled optimised at once: its loop runs a million times in the first report of a process.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static ItemMoments MeasureColumn(double[][] marks, double[] totals, int j, ColumnBuffers buffers)
    {
        var (column, other) = (buffers.Column, buffers.Other);
        for (var i = 0; i < totals.Length; i++)
        {
            column[i] = marks[i][j];
            other[i] = totals[i] - column[i];
        }
        return ItemMoments.Measure(column, other, totals, buffers.SortedColumn, buffers.SortedOther);
    }

    /// <summary>
    /// Test-level statistics of a list of total marks (Moodle's quiz calculator): mean, median, then
    /// with more than one attempt the SD, with more than two the skewness, kurtosis (more than three)
    /// and, when the paper has more than one item, the coefficient of internal consistency, error
    /// ratio and standard error. <paramref name="sumOfItemVariances"/> is Σ of the slots' mark variances.
    /// </summary>
    public static TestStatistics Describe(IReadOnlyList<double> totals, double maxTotal, double sumOfItemVariances, int items)
    {
        var s = totals.Count;
        if (s == 0) return new TestStatistics(0, items, maxTotal, null, null, null, null, null, null, null, null);
        var mean = totals.Average();
        var sorted = totals.Order().ToArray();
        var median = s % 2 == 0 ? (sorted[s / 2 - 1] + sorted[s / 2]) / 2 : sorted[s / 2];
        double? sd = null, skewness = null, kurtosis = null, cic = null, errorRatio = null, standardError = null;
        if (s > 1)
        {
            var constant = sorted[0] == sorted[^1];
            double power2 = 0, power3 = 0, power4 = 0;
            if (!constant)
                foreach (var t in totals)
                {
                    var d = t - mean;
                    power2 += d * d;
                    power3 += d * d * d;
                    power4 += d * d * d * d;
                }
            sd = Math.Sqrt(power2 / (s - 1));
            if (s > 2)
            {
                var m2 = power2 / s;
                var m3 = power3 / s;
                var m4 = power4 / s;
                var k2 = s * m2 / (s - 1);
                var k3 = (double)s * s * m3 / ((s - 1.0) * (s - 2.0));
                if (k2 != 0)
                {
                    skewness = k3 / Math.Pow(k2, 1.5);
                    if (s > 3)
                    {
                        var k4 = (double)s * s * ((s + 1.0) * m4 - 3.0 * (s - 1) * m2 * m2) / ((s - 1.0) * (s - 2.0) * (s - 3.0));
                        kurtosis = k4 / (k2 * k2);
                    }
                    if (items > 1)
                    {
                        cic = 100.0 * items / (items - 1) * (1 - sumOfItemVariances / k2);
                        errorRatio = 100 * Math.Sqrt(1 - cic.Value / 100);
                        standardError = errorRatio * sd / 100;
                    }
                }
            }
        }
        return new TestStatistics(s, items, maxTotal, mean, median, sd, skewness, kurtosis, cic, errorRatio, standardError);
    }

    private static TestStatistics PartTest(ScoreMatrix matrix, string group, ItemMoments[] measured)
    {
        var columns = Enumerable.Range(0, matrix.Columns.Count).Where(j => matrix.Columns[j].Group == group).ToArray();
        var totals = new double[matrix.Marks.Length];
        for (var i = 0; i < totals.Length; i++)
        {
            var row = matrix.Marks[i];
            double sum = 0;
            foreach (var j in columns) sum += row[j];
            totals[i] = sum;
        }
        return Describe(totals, columns.Sum(j => matrix.Columns[j].MaxMark), columns.Sum(j => measured[j].MarkVariance ?? 0), columns.Length);
    }

    /// <summary>
    /// Moodle's "sub-question" rows: where a slot drew different questions, each question version is
    /// also analysed over the attempts that had it (in any slot), its mark set against the attempt's
    /// whole mark (Moodle compares a randomly drawn question with the total, not the rest).
    /// </summary>
    private static IReadOnlyList<QuestionStatistics> Versions(ScoreMatrix matrix, double[] totals, double maxTotal)
    {
        if (matrix.Drawn is null) return [];
        var mixed = Enumerable.Range(0, matrix.Columns.Count).Where(j => DrewSeveral(matrix.Drawn, j)).ToList();
        var cells = new Dictionary<string, (List<double> Marks, List<double> Totals, List<string> Slots, double Max)>();
        foreach (var j in mixed)
            for (var i = 0; i < matrix.Attempts.Count; i++)
            {
                if (matrix.Drawn[i][j] is not { } key) continue;
                if (!cells.TryGetValue(key, out var cell))
                    cells[key] = cell = ([], [], [], matrix.Columns[j].MaxMark);
                cell.Marks.Add(matrix.Marks[i][j]);
                cell.Totals.Add(totals[i]);
                if (!cell.Slots.Contains(matrix.Columns[j].Label)) cell.Slots.Add(matrix.Columns[j].Label);
            }
        return cells.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c =>
        {
            var marks = c.Value.Marks.ToArray();
            var whole = c.Value.Totals.ToArray();
            var group = mixed.Select(j => matrix.Columns[j]).First(col => c.Value.Slots.Contains(col.Label)).Group;
            return Question(c.Key, c.Key, string.Join(",", c.Value.Slots), group, c.Value.Max, maxTotal, ItemMoments.Measure(marks, whole, whole));
        }).ToList();
    }

    /// <summary>Whether attempts had different question versions in column <paramref name="j"/> (blanks aside).</summary>
    private static bool DrewSeveral(string?[][] drawn, int j)
    {
        string? first = null;
        foreach (var row in drawn)
        {
            if (row[j] is not { } key) continue;
            if (first is null) first = key;
            else if (!string.Equals(first, key, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>
    /// One question analysed on its own (Moodle's sub-question rule): its marks against the whole
    /// marks of the same attempts. Used for a question's history across papers.
    /// </summary>
    public static QuestionStatistics Drawn(string key, string label, double maxMark, double[] marks, double[] totals, double maxTotal) =>
        Question(key, label, null, "", maxMark, maxTotal, ItemMoments.Measure(marks, totals, totals));

    private static QuestionStatistics Question(string key, string label, string? slot, string group, double maxMark, double maxTotal, ItemMoments m) =>
        new(key, label, slot, group, m.Attempts, maxMark, m.MarkAverage,
            maxMark != 0 ? m.MarkAverage / maxMark : null,
            m.StandardDeviation, m.MarkVariance, m.CovarianceWithOverall,
            m.MarkVariance * m.OtherVariance is { } product && product != 0 ? 100 * m.Covariance / Math.Sqrt(product) : null,
            m.CovarianceMax is { } max && max != 0 ? 100 * m.Covariance / max : null,
            maxTotal != 0 ? 100 * maxMark / maxTotal : null, null);

    /// <summary>
    /// Effective weight: 100·√cov(slot, total) / Σ√cov over the slots whose covariance is not
    /// negative; null for a slot with negative covariance or when the sum is 0 (Moodle).
    /// </summary>
    private static List<QuestionStatistics> WithEffectiveWeights(List<QuestionStatistics> slots)
    {
        var sum = slots.Where(s => s.CovarianceWithOverall >= 0).Sum(s => Math.Sqrt(s.CovarianceWithOverall!.Value));
        return slots.Select(s => s with
        {
            EffectiveWeight = sum != 0 && s.CovarianceWithOverall is { } c && c >= 0 ? 100 * Math.Sqrt(c) / sum : null,
        }).ToList();
    }
}
