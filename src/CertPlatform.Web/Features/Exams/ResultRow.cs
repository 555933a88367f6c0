using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank;

namespace CertPlatform.Web.Features.Exams;

/// <summary>One question on the trainee's result page: the graded item, the question version, the layout and the response.</summary>
public sealed record ResultRow(AttemptItem Item, Question Question, LaidOutQuestion Layout, Response? Response)
{
    public QuestionView View => QuestionViews.Of(Question, Layout);

    /// <summary>How the question came out (pending while an examiner still has to grade it).</summary>
    public AnswerVerdict Verdict => AnswerVerdicts.Of(Item.NeedsManual, Item.Correct, Item.Score);

    /// <summary>Answered wrong or only partly right: what "只看答错的题" keeps.</summary>
    public bool Missed => Verdict is AnswerVerdict.Wrong or AnswerVerdict.Partial;
}
