namespace CertPlatform.Web.Features.Certificates.Credentials;

/// <summary>Configuration section "Credentials": the key that signs Open Badges 3.0 credentials (VC-JWT, RS256).</summary>
public sealed class CredentialOptions
{
    public const string Section = "Credentials";
    public const string SigningKeyPathKey = $"{Section}:{nameof(SigningKeyPath)}";
    public const string RetiredKeyPathsKey = $"{Section}:{nameof(RetiredKeyPaths)}";

    /// <summary>
    /// PEM file with the issuer's RSA private key (2048 bits or more), relative to the content root. Development
    /// creates and keeps one in data/credentials/ when unset; elsewhere start-up fails without it.
    /// </summary>
    public string? SigningKeyPath { get; set; }

    /// <summary>
    /// PEM files (public or private) of earlier signing keys. They sign nothing new but stay in the published JWKS, so
    /// credentials issued before a key rotation still verify.
    /// </summary>
    public List<string> RetiredKeyPaths { get; set; } = [];
}
