namespace CertPlatform.Web.Domain.Statistics;

/// <summary>What is wrong with a cell of an uploaded results matrix.</summary>
public enum MatrixProblem
{
    Empty,
    HeaderMustStartWithAttempt,
    NoQuestionColumns,
    QuestionIdMissing,
    QuestionIdRepeated,
    MaxRowMissing,
    MaxRowMustStartWithMax,
    MaxNotPositiveNumber,
    AttemptIdMissing,
    AttemptIdRepeated,
    MarkMissing,
    MarkNotNumber,
    MarkOutOfRange,
    ExtraCell,
    TooManyRows,
    TooManyColumns,
    NoAttempts,
}
