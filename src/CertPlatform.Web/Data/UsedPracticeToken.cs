namespace CertPlatform.Web.Data;

/// <summary>A practice question token that has been answered: each token is accepted once (Features/Practice/PracticeTokenLedger.cs).</summary>
public sealed class UsedPracticeToken
{
    public required string Nonce { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset UsedAt { get; set; }
}
