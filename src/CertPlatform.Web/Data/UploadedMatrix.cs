namespace CertPlatform.Web.Data;

/// <summary>
/// An analysed results-matrix upload, kept for an hour so the result page's exports work from any instance: the
/// uploaded file itself (the figures are recomputed from it, deterministically), readable only by the examiner who
/// uploaded it, under an unguessable token.
/// </summary>
public sealed class UploadedMatrix
{
    /// <summary>32 hex characters (random).</summary>
    public required string Token { get; set; }
    public required string UserId { get; set; }
    public required string FileName { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
