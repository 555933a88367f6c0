using CertPlatform.Web.Content;

namespace CertPlatform.Web.Features.Practice;

public sealed record PartPracticeRow(CurriculumPart Part, int Ready, int Answers, int Correct, IReadOnlyList<LessonPracticeRow> Lessons);
