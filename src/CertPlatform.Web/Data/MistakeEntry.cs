namespace CertPlatform.Web.Data;

/// <summary>A question a trainee got wrong, until they answer it right twice in a row.</summary>
public sealed class MistakeEntry
{
    public required string UserId { get; set; }
    public required string QuestionId { get; set; }
    public required string LessonId { get; set; }
    public required string PartId { get; set; }
    public DateTimeOffset FirstWrongAt { get; set; }
    public DateTimeOffset LastWrongAt { get; set; }
    public int WrongCount { get; set; }
    public int RightStreak { get; set; }
    public DateTimeOffset? ClearedAt { get; set; }
    /// <summary>Missed in an attempt whose review hid the answers (or a secure question): the notebook names only the lesson, and practice never offers it.</summary>
    public bool Concealed { get; set; }
}
