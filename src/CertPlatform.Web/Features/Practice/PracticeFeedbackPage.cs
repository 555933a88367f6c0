using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.Practice;

public sealed record PracticeFeedbackPage(
    PracticeFeedbackState Feedback, PracticeScopeInfo Scope, Question Question, LaidOutQuestion Layout, Grade Grade,
    Lesson? Lesson, LessonSection? Section, MistakeEntry? Entry, string NextToken)
{
    public int Number => Feedback.Index + 1;
    public int Total => Feedback.Next.Items.Count;
    public bool Last => Feedback.Next.Finished;
    public AnswerVerdict Verdict => AnswerVerdicts.Of(Grade);
}
