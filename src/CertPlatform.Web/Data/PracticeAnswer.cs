namespace CertPlatform.Web.Data;

/// <summary>One practice answer (with immediate feedback): the history behind weak-topic summaries.</summary>
public sealed class PracticeAnswer
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string QuestionId { get; set; }
    public required string LessonId { get; set; }
    public required string PartId { get; set; }
    public bool Correct { get; set; }
    public DateTimeOffset At { get; set; }
}
