using CertPlatform.Web.Content;

namespace CertPlatform.Web.Features.Practice;

public sealed record MistakeLessonGroup(string LessonId, Lesson? Lesson, IReadOnlyList<MistakeRow> Rows)
{
    public bool AnyPractisable => Rows.Any(r => r.Practisable);
}
