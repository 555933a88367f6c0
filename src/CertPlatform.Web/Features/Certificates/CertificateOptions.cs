namespace CertPlatform.Web.Features.Certificates;

/// <summary>Configuration section "Certificates" (the PDF renderer reads its own keys from the same section).</summary>
public sealed class CertificateOptions
{
    public const string Section = "Certificates";
    public const string PublicBaseUrlKey = $"{Section}:{nameof(PublicBaseUrl)}";
    public const string TimeZoneKey = $"{Section}:{nameof(TimeZone)}";

    /// <summary>Passing again this many days before expiry (or after it) renews: the new certificate names the previous one.</summary>
    public int RenewalWindowDays { get; set; } = 90;
    /// <summary>
    /// The site's public address, printed in the PDF and its QR code (…/verify/{code}) and carried by the certificate
    /// forever. Outside Development it must be set, and not to a loopback address.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
    public string NumberPrefix { get; set; } = "CP";
    /// <summary>
    /// Show only the first and last character of the holder's name on the public verification page (the default); a
    /// visitor can still confirm a full name they type.
    /// </summary>
    public bool MaskHolderName { get; set; } = true;
    /// <summary>
    /// Obsolete: certificates use the one display zone (Display:TimeZone). Still accepted when it names the same zone,
    /// so an old configuration keeps starting; a different zone stops start-up.
    /// </summary>
    public string? TimeZone { get; set; }

    /// <summary>The address used when none is configured (Development only).</summary>
    public const string DevelopmentBaseUrl = "http://localhost:5080";

    public string BaseUrl => (string.IsNullOrWhiteSpace(PublicBaseUrl) ? DevelopmentBaseUrl : PublicBaseUrl).TrimEnd('/');
    public string VerificationUrl(string code) => $"{BaseUrl}/verify/{code}";
}
