namespace CertPlatform.Web.Domain.Exams;

/// <summary>One section of a blueprint: which questions qualify, how many to draw and what each is worth.</summary>
public sealed record BlueprintSection(
    string Title, int Count, decimal PointsEach,
    string? PartId = null, string? LessonId = null, string? Tag = null, string? Type = null, int? MinDifficulty = null, int? MaxDifficulty = null)
{
    public bool Accepts(DrawCandidate c) =>
        (PartId is null || c.PartId == PartId) && (LessonId is null || c.LessonId == LessonId) &&
        (Tag is null || c.Tags.Contains(Tag)) && (Type is null || c.Type == Type) &&
        (MinDifficulty is null || c.Difficulty >= MinDifficulty) && (MaxDifficulty is null || c.Difficulty <= MaxDifficulty);
}
