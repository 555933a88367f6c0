namespace CertPlatform.Web.Data;

/// <summary>Wrong exam access passwords of one trainee for one paper (Features/Papers/PaperPasswordGuard.cs).</summary>
public sealed class PaperPasswordFailure
{
    public required string PaperId { get; set; }
    public required string UserId { get; set; }
    /// <summary>Wrong passwords in a row since the last lock or success.</summary>
    public int Failures { get; set; }
    public DateTimeOffset LastFailureAt { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
}
