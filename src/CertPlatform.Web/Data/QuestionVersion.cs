namespace CertPlatform.Web.Data;

/// <summary>One saved state of a question; attempts will point at (QuestionId, Version).</summary>
public sealed class QuestionVersion
{
    public required string QuestionId { get; set; }
    public int Version { get; set; }
    /// <summary>The domain question serialised as JSON (QuestionJson).</summary>
    public required string PayloadJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>"content" for the shipped bank, otherwise the examiner's user name.</summary>
    public required string CreatedBy { get; set; }
    public string Note { get; set; } = "";
}
