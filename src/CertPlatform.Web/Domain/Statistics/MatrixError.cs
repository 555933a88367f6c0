namespace CertPlatform.Web.Domain.Statistics;

/// <summary>A problem in an uploaded results matrix at a 1-based row and column (0 = the whole row or file), with the offending text.</summary>
public sealed record MatrixError(int Row, int Column, MatrixProblem Problem, string Value = "")
{
    /// <summary>The spreadsheet letter of <see cref="Column"/> (A, B, … AA).</summary>
    public string ColumnLetter
    {
        get
        {
            var letters = "";
            for (var c = Column; c > 0; c = (c - 1) / 26) letters = (char)('A' + (c - 1) % 26) + letters;
            return letters;
        }
    }
}
