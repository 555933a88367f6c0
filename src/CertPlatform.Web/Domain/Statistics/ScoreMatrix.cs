namespace CertPlatform.Web.Domain.Statistics;

/// <summary>
/// Marks of finished attempts, one row per attempt and one column per slot, in points (0…the
/// column's maximum). <see cref="Drawn"/> says, where a slot drew different questions (blueprint
/// papers, edited versions), which question version each attempt had there; null means "the slot's
/// own question" (an uploaded matrix or a fixed paper that never changed).
/// </summary>
public sealed class ScoreMatrix
{
    public ScoreMatrix(IReadOnlyList<ScoreColumn> columns, IReadOnlyList<string> attempts, double[][] marks, string?[][]? drawn = null)
    {
        if (marks.Length != attempts.Count) throw new ArgumentException("one row of marks per attempt", nameof(marks));
        if (marks.Any(r => r.Length != columns.Count)) throw new ArgumentException("one mark per column in every row", nameof(marks));
        if (drawn is not null && (drawn.Length != attempts.Count || drawn.Any(r => r.Length != columns.Count)))
            throw new ArgumentException("drawn must have the shape of marks", nameof(drawn));
        Columns = columns;
        Attempts = attempts;
        Marks = marks;
        Drawn = drawn;
    }

    public IReadOnlyList<ScoreColumn> Columns { get; }
    public IReadOnlyList<string> Attempts { get; }
    public double[][] Marks { get; }
    public string?[][]? Drawn { get; }

    /// <summary>The sum of the column maxima: the paper's maximum mark.</summary>
    public double MaxTotal => Columns.Sum(c => c.MaxMark);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public double[] Totals()
    {
        var totals = new double[Marks.Length];
        for (var i = 0; i < Marks.Length; i++)
        {
            var row = Marks[i];
            double sum = 0;
            for (var j = 0; j < row.Length; j++) sum += row[j];
            totals[i] = sum;
        }
        return totals;
    }
}
