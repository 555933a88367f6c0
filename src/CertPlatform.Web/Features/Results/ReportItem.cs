namespace CertPlatform.Web.Features.Results;

/// <summary>One question of a graded attempt. <see cref="Ref"/> is the position shown to the candidate (0-based).</summary>
public sealed record ReportItem(
    int Ref, string QuestionId, int Version, int Section, string SectionTitle, string PartId, string PartTitle, string LessonId, string LessonTitle,
    decimal Points, decimal Score, decimal AutoScore, decimal ManualMax, decimal? ManualScore, string ManualComment,
    bool Answered, bool Correct, bool NeedsManual);
