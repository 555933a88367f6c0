using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using Microsoft.EntityFrameworkCore;
using CertPlatform.Web.Features.QuestionBank;

namespace CertPlatform.Web.Features.Practice;

public sealed record MistakeLessonGroup(string LessonId, Lesson? Lesson, IReadOnlyList<MistakeRow> Rows)
{
    public bool AnyPractisable => Rows.Any(r => r.Practisable);
}
