namespace CertPlatform.Web.Data;

/// <summary>A second person's approval of one exact version of a certification paper.</summary>
public sealed class PaperApproval
{
    public long Id { get; set; }
    public required string PaperId { get; set; }
    public int Version { get; set; }
    /// <summary>User id, or <see cref="PaperVersion.SystemAuthor"/> for seeded content.</summary>
    public required string ApproverId { get; set; }
    public string ApproverName { get; set; } = "";
    public DateTimeOffset ApprovedAt { get; set; }
}
