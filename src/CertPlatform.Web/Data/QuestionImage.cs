namespace CertPlatform.Web.Data;

/// <summary>An image used by question versions, stored once under the SHA-256 of its bytes (never changed).</summary>
public sealed class QuestionImage
{
    public required string Sha256 { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Bytes { get; set; }
    public int Length { get; set; }
    public string FileName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}
