namespace CertPlatform.Web.Data;

/// <summary>
/// A question in the bank: stable id, the fields examiners filter on (copied from the current
/// version), and its versions. The question itself (stem, options, key…) lives in the versions.
/// </summary>
public sealed class QuestionRecord
{
    public required string Id { get; set; }
    public required string LessonId { get; set; }
    public required string PartId { get; set; }
    public required string Type { get; set; }
    public required string Status { get; set; }
    public int Difficulty { get; set; }
    /// <summary>Practice or secure (copied from the current version, stored as text): certification papers draw only secure questions.</summary>
    public Domain.Questions.QuestionPool Pool { get; set; } = Domain.Questions.QuestionPool.Practice;
    public string? Anchor { get; set; }
    /// <summary>Tags joined with '|' and wrapped ("|a|b|") so a tag filter is a LIKE '%|tag|%'.</summary>
    public string Tags { get; set; } = "|";
    /// <summary>Plain stem of the current version, for text search.</summary>
    public string StemText { get; set; } = "";
    public int CurrentVersion { get; set; }
    /// <summary>content, examiner or import.</summary>
    public required string Origin { get; set; }
    /// <summary>SHA-256 of the shipped content this question last took from content/questions.</summary>
    public string? ContentHash { get; set; }
    /// <summary>content/questions changed this question after an examiner edited it; their version was kept.</summary>
    public bool ContentUpdatePending { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
