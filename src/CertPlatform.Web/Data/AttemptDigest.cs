namespace CertPlatform.Web.Data;

/// <summary>
/// What item analysis needs of one graded attempt, in one row: written in the same transaction as the marks by
/// every use case that grades (finish, examiner's score, regrade) and filled for older attempts by the start-up
/// backfill. <see cref="Body"/> is <c>Domain.Statistics.AttemptDigestCodec</c>'s encoding of the per-question marks,
/// versions and chosen authored options. A digest counts only while <see cref="GradedAt"/> equals the attempt's:
/// a change of marks that did not rewrite it leaves the attempt to the slow path.
/// </summary>
public sealed class AttemptDigest
{
    public required string AttemptId { get; set; }
    public required string PaperId { get; set; }
    public int PaperVersion { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public decimal? Score { get; set; }
    /// <summary>The attempt's <see cref="Attempt.GradedAt"/> when the digest was written.</summary>
    public DateTimeOffset? GradedAt { get; set; }
    public required byte[] Body { get; set; }
}
