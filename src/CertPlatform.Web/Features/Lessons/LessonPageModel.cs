using CertPlatform.Web.Content;

namespace CertPlatform.Web.Features.Lessons;

public sealed record LessonPageModel(Lesson Lesson, CurriculumPart Part, CurriculumChapter Chapter, Lesson? Previous, Lesson? Next, bool Learned, int Position, int Count);
