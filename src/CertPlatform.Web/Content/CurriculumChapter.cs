namespace CertPlatform.Web.Content;

public sealed record CurriculumChapter(string Id, string Title, IReadOnlyList<string> Objectives, IReadOnlyList<CurriculumLessonRef> Lessons);
