namespace CertPlatform.Web.Content;

public sealed record ContentTopicRow(string Topic, IReadOnlyList<string> LessonIds, int ReadyQuestions, int ReadySecure = 0)
{
    public int ReadyPractice => ReadyQuestions - ReadySecure;
    public bool Missing => LessonIds.Count == 0;
    public bool BelowQuestionMinimum => ReadyQuestions < ContentReport.MinimumReadyQuestionsPerTopic;
}
