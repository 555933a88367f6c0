namespace CertPlatform.Web.Data;

/// <summary>
/// A signed-in browser session. Its id travels in the (encrypted) sign-in cookie; signing out deletes
/// the row, so a copy of the old cookie stops working at once (Features/Account/SessionCache.cs).
/// </summary>
public sealed class UserSession
{
    /// <summary>128 random bits, hex.</summary>
    public required string Id { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
