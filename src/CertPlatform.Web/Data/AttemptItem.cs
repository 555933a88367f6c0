namespace CertPlatform.Web.Data;

/// <summary>
/// The graded result of one question of a finished attempt: what was drawn, the automatic score and,
/// for essays and case write-ups, the examiner's score and comment. Scores are in paper points.
/// </summary>
public sealed class AttemptItem
{
    public required string AttemptId { get; set; }
    public int QuestionRef { get; set; }
    public required string QuestionId { get; set; }
    public int Version { get; set; }
    public int Section { get; set; }
    public required string LessonId { get; set; }
    public required string PartId { get; set; }
    public decimal Points { get; set; }
    public decimal AutoScore { get; set; }
    /// <summary>Points of the part an examiner grades (0 for objective questions).</summary>
    public decimal ManualMax { get; set; }
    public decimal? ManualScore { get; set; }
    public string ManualComment { get; set; } = "";
    public string? GradedBy { get; set; }
    public DateTimeOffset? GradedAt { get; set; }
    public bool Answered { get; set; }
    public decimal Score => AutoScore + (ManualScore ?? 0);
    public bool NeedsManual => ManualMax > 0 && ManualScore is null;
    /// <summary>Full marks on the automatically graded part: what the mistake notebook counts as right.</summary>
    public bool Correct { get; set; }
}
