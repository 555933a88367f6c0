namespace CertPlatform.Web.Data;

public static class CertificateStatus
{
    public const string Valid = "Valid";
    public const string Revoked = "Revoked";
    /// <summary>Not stored: a valid certificate past its expiry date shows as expired.</summary>
    public const string Expired = "Expired";

    /// <summary>All three, in display order (valid, expired, revoked).</summary>
    public static readonly IReadOnlyList<string> All = [Valid, Expired, Revoked];

    /// <summary>The lower-case form used in URLs, JSON and export manifests: valid, expired, revoked.</summary>
    public static string Key(string status) => status.ToLowerInvariant();

    /// <summary>The status whose <see cref="Key"/> is <paramref name="key"/>, or null.</summary>
    public static string? FromKey(string? key) => All.FirstOrDefault(s => string.Equals(Key(s), key?.Trim(), StringComparison.OrdinalIgnoreCase));
}
