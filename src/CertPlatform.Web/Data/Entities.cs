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

/// <summary>Who did what, when: administrative and record-keeping actions.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public required string Action { get; set; }
    public string Target { get; set; } = "";
    public string Details { get; set; } = "";
}

/// <summary>
/// An uploaded import waiting for confirmation: the parsed rows are kept server-side between the
/// preview and the commit so the administrator commits exactly what was previewed.
/// </summary>
public sealed class PendingImport
{
    public Guid Id { get; set; }
    public required string Kind { get; set; }
    public required string CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string FileName { get; set; } = "";
    public required string PayloadJson { get; set; }
}
