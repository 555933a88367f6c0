namespace CertPlatform.Web.Domain.Statistics;

/// <summary>What <see cref="ResultsMatrix.Parse"/> read: the matrix, or no matrix and every problem with its row and column.</summary>
public sealed record ResultsMatrixResult(ScoreMatrix? Matrix, IReadOnlyList<MatrixError> Errors);
