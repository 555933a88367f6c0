using CertPlatform.Web.Domain.Statistics;

namespace CertPlatform.UnitTests.Domain.Statistics;

public sealed class ResultsMatrixTests
{
    private static ResultsMatrixResult Parse(params string[] lines) =>
        ResultsMatrix.Parse(lines.Select((l, i) => (i + 1, l.Split(','))));

    [Fact]
    public void A_well_formed_matrix_becomes_a_score_matrix()
    {
        var o = Parse("attempt,Q1,Q2", "max,1,2", "s1,1,2", "s2,0,1.5", "", "s3,1,0");
        Assert.Empty(o.Errors);
        Assert.Equal(["Q1", "Q2"], o.Matrix!.Columns.Select(c => c.Key));
        Assert.Equal(3, o.Matrix.MaxTotal);
        Assert.Equal(["s1", "s2", "s3"], o.Matrix.Attempts);
        Assert.Equal(1.5, o.Matrix.Marks[1][1]);
    }

    [Fact]
    public void Every_problem_is_named_by_row_and_column()
    {
        var o = Parse("attempt,Q1,Q1,Q3", "max,1,0,x", "s1,1,abc,1", "s1,2,1,", ",1,1,1,9");
        Assert.Null(o.Matrix);
        Assert.Contains(new MatrixError(1, 3, MatrixProblem.QuestionIdRepeated, "Q1"), o.Errors);
        Assert.Contains(new MatrixError(2, 3, MatrixProblem.MaxNotPositiveNumber, "0"), o.Errors);
        Assert.Contains(new MatrixError(2, 4, MatrixProblem.MaxNotPositiveNumber, "x"), o.Errors);
        Assert.Contains(new MatrixError(3, 3, MatrixProblem.MarkNotNumber, "abc"), o.Errors);
        Assert.Contains(new MatrixError(4, 1, MatrixProblem.AttemptIdRepeated, "s1"), o.Errors);
        Assert.Contains(new MatrixError(4, 2, MatrixProblem.MarkOutOfRange, "2"), o.Errors);
        Assert.Contains(new MatrixError(4, 4, MatrixProblem.MarkMissing), o.Errors);
        Assert.Contains(new MatrixError(5, 1, MatrixProblem.AttemptIdMissing), o.Errors);
        Assert.Contains(new MatrixError(5, 5, MatrixProblem.ExtraCell, "9"), o.Errors);
        Assert.Equal("E", new MatrixError(5, 5, MatrixProblem.ExtraCell).ColumnLetter);
        Assert.Equal("AA", new MatrixError(5, 27, MatrixProblem.ExtraCell).ColumnLetter);
    }

    [Fact]
    public void Wrong_header_and_missing_rows_are_reported()
    {
        Assert.Contains(new MatrixError(1, 1, MatrixProblem.HeaderMustStartWithAttempt, "id"), Parse("id,Q1", "max,1", "a,1").Errors);
        Assert.Contains(new MatrixError(2, 1, MatrixProblem.MaxRowMissing), Parse("attempt,Q1").Errors);
        Assert.Contains(new MatrixError(2, 1, MatrixProblem.MaxRowMustStartWithMax, "s1"), Parse("attempt,Q1", "s1,1", "s2,1").Errors);
        Assert.Contains(new MatrixError(3, 0, MatrixProblem.NoAttempts), Parse("attempt,Q1", "max,1").Errors);
        Assert.Contains(new MatrixError(1, 2, MatrixProblem.NoQuestionColumns), Parse("attempt").Errors);
        Assert.Contains(new MatrixError(1, 0, MatrixProblem.Empty), Parse("").Errors);
    }
}
