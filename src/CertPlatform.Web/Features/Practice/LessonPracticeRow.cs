using CertPlatform.Web.Content;

namespace CertPlatform.Web.Features.Practice;

public sealed record LessonPracticeRow(Lesson Lesson, int Ready, int Answers, int Correct);
