namespace CertPlatform.Web.Data;

/// <summary>The PDF bytes as issued, never rewritten: every download returns exactly these.</summary>
public sealed class CertificateFile
{
    public required string CertificateId { get; set; }
    public required byte[] Bytes { get; set; }
    /// <summary>The certificate's Open Badges 3.0 credential as a VC-JWT (compact JWS), signed at issue and never re-signed.</summary>
    public string? CredentialJwt { get; set; }
}
