using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Domain.Exams;

/// <summary>
/// What a trainee's review of a finished attempt shows for one question: the paper's review options decide,
/// except that a secure question's key and explanation are never shown (certification review never reveals
/// secure keys, whatever the paper allows — docs/grading.md, "Question pools").
/// </summary>
public sealed record ReviewVisibility(bool Answers, bool Explanations)
{
    public static ReviewVisibility For(bool paperShowsAnswers, bool paperShowsExplanations, QuestionPool pool) =>
        pool == QuestionPool.Secure ? new(false, false) : new(paperShowsAnswers, paperShowsExplanations);

    /// <summary>
    /// True when a question missed in such an attempt may enter the mistake notebook only as "a question on lesson X
    /// was missed": the review hid its answer, or it is secure.
    /// </summary>
    public static bool ConcealsMistake(bool paperShowsAnswers, QuestionPool pool) => !For(paperShowsAnswers, false, pool).Answers;
}
