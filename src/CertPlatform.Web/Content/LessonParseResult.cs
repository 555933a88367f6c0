namespace CertPlatform.Web.Content;

public sealed record LessonParseResult(Lesson? Lesson, List<ContentError> Errors, List<LessonLink> Links);
