using System.Globalization;

namespace CertPlatform.Web.Domain.Statistics;

/// <summary>
/// Reads a results matrix from rows of cells (CSV or the first XLSX sheet): header
/// <c>attempt,&lt;question id&gt;,…</c>, a second row <c>max,&lt;max mark&gt;,…</c>, then one row per
/// attempt with its marks. Every problem is reported with its row and column; a matrix with any
/// problem yields no <see cref="ScoreMatrix"/>. Blank rows are skipped.
/// </summary>
public static class ResultsMatrix
{
    public const int MaxAttempts = 100_000;
    public const int MaxQuestions = 1_000;
    public const int MaxErrors = 50;

    /// <param name="rows">Each row with its 1-based number in the file.</param>
    public static ResultsMatrixResult Parse(IEnumerable<(int Row, string[] Cells)> rows)
    {
        var errors = new List<MatrixError>();
        var data = rows.Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).Take(MaxAttempts + 3).ToList();
        if (data.Count == 0) return Fail(new MatrixError(1, 0, MatrixProblem.Empty));
        var (headerRow, header) = data[0];
        if (!Is(header[0], "attempt")) errors.Add(new MatrixError(headerRow, 1, MatrixProblem.HeaderMustStartWithAttempt, header[0]));
        var width = LastNonBlank(header) + 1;
        if (width > MaxQuestions + 1) return Fail(new MatrixError(headerRow, MaxQuestions + 2, MatrixProblem.TooManyColumns));
        if (width < 2) return Fail([.. errors, new MatrixError(headerRow, 2, MatrixProblem.NoQuestionColumns)]);
        var ids = new List<string>();
        for (var c = 1; c < width; c++)
        {
            var id = header[c].Trim();
            if (id.Length == 0) errors.Add(new MatrixError(headerRow, c + 1, MatrixProblem.QuestionIdMissing));
            else if (ids.Contains(id, StringComparer.Ordinal)) errors.Add(new MatrixError(headerRow, c + 1, MatrixProblem.QuestionIdRepeated, id));
            ids.Add(id);
        }
        if (data.Count < 2) return Fail([.. errors, new MatrixError(headerRow + 1, 1, MatrixProblem.MaxRowMissing)]);
        var (maxRow, maxCells) = data[1];
        if (!Is(Cell(maxCells, 0), "max")) errors.Add(new MatrixError(maxRow, 1, MatrixProblem.MaxRowMustStartWithMax, Cell(maxCells, 0)));
        var max = new double[width - 1];
        for (var c = 1; c < width; c++)
        {
            var text = Cell(maxCells, c);
            if (!TryNumber(text, out max[c - 1]) || max[c - 1] <= 0) errors.Add(new MatrixError(maxRow, c + 1, MatrixProblem.MaxNotPositiveNumber, text));
        }
        errors.AddRange(Extra(maxRow, maxCells, width));
        if (data.Count > MaxAttempts + 2) return Fail([.. errors, new MatrixError(data[MaxAttempts + 2].Row, 0, MatrixProblem.TooManyRows)]);
        if (data.Count == 2) errors.Add(new MatrixError(maxRow + 1, 0, MatrixProblem.NoAttempts));

        var attempts = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var marks = new double[data.Count - 2][];
        for (var r = 2; r < data.Count && errors.Count < MaxErrors; r++)
        {
            var (row, cells) = data[r];
            var id = Cell(cells, 0).Trim();
            if (id.Length == 0) errors.Add(new MatrixError(row, 1, MatrixProblem.AttemptIdMissing));
            else if (!seen.Add(id)) errors.Add(new MatrixError(row, 1, MatrixProblem.AttemptIdRepeated, id));
            attempts.Add(id);
            var values = marks[r - 2] = new double[width - 1];
            for (var c = 1; c < width; c++)
            {
                var text = Cell(cells, c);
                if (text.Trim().Length == 0) errors.Add(new MatrixError(row, c + 1, MatrixProblem.MarkMissing));
                else if (!TryNumber(text, out values[c - 1])) errors.Add(new MatrixError(row, c + 1, MatrixProblem.MarkNotNumber, text));
                else if (values[c - 1] < 0 || values[c - 1] > max[c - 1]) errors.Add(new MatrixError(row, c + 1, MatrixProblem.MarkOutOfRange, text));
            }
            errors.AddRange(Extra(row, cells, width));
        }
        if (errors.Count > 0) return Fail(errors.Take(MaxErrors).ToArray());
        var columns = ids.Select((id, k) => new ScoreColumn(id, id, max[k])).ToList();
        return new ResultsMatrixResult(new ScoreMatrix(columns, attempts, marks), []);
    }

    private static ResultsMatrixResult Fail(params MatrixError[] errors) => new(null, errors);

    private static IEnumerable<MatrixError> Extra(int row, string[] cells, int width) =>
        Enumerable.Range(width, Math.Max(0, cells.Length - width)).Where(c => cells[c].Trim().Length > 0)
            .Take(1).Select(c => new MatrixError(row, c + 1, MatrixProblem.ExtraCell, cells[c]));

    private static string Cell(string[] cells, int index) => index < cells.Length ? cells[index] ?? "" : "";

    private static int LastNonBlank(string[] cells)
    {
        for (var i = cells.Length - 1; i >= 0; i--)
            if (!string.IsNullOrWhiteSpace(cells[i])) return i;
        return -1;
    }

    private static bool Is(string? cell, string word) => string.Equals(cell?.Trim().TrimStart('\uFEFF'), word, StringComparison.OrdinalIgnoreCase);

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
