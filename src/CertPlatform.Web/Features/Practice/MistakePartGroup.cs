using CertPlatform.Web.Content;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Practice;

public sealed record MistakePartGroup(string PartId, CurriculumPart? Part, IReadOnlyList<MistakeLessonGroup> Lessons)
{
    public int Count => Lessons.Sum(l => l.Rows.Count);
}
