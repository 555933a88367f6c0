namespace CertPlatform.Web.Data;

/// <summary>One row per user and lesson: when it was last opened and whether it is marked learned.</summary>
public sealed class LessonProgress
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string LessonId { get; set; }
    public DateTimeOffset FirstViewedAt { get; set; }
    public DateTimeOffset LastViewedAt { get; set; }
    public DateTimeOffset? LearnedAt { get; set; }
}
