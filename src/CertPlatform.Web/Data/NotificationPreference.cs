namespace CertPlatform.Web.Data;

/// <summary>A user's e-mail choice. No row means the defaults: every notification is sent.</summary>
public sealed class NotificationPreference
{
    public required string UserId { get; set; }
    /// <summary>No non-essential mail (exam assigned / window opening, expiry reminders). Results, issued and revoked certificates are always sent.</summary>
    public bool OptOutNonEssential { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
