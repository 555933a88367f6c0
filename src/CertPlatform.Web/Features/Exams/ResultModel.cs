using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Papers;

namespace CertPlatform.Web.Features.Exams;

/// <summary>The trainee's result page of a finished attempt.</summary>
public sealed record ResultModel(Attempt Attempt, Paper Paper, IReadOnlyList<ResultRow> Rows)
{
    public IReadOnlyList<string> SectionTitles => PaperAccess.SectionTitles(Paper);

    /// <summary>Whether the review shows this row's key and explanation (never for a secure question).</summary>
    public Domain.Exams.ReviewVisibility Shows(ResultRow row) =>
        Domain.Exams.ReviewVisibility.For(Paper.ReviewShowsAnswers, Paper.ReviewShowsExplanations, row.Question.Pool);
}
