using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PdfSharp.Pdf.Signatures;

namespace CertPlatform.Web.Infrastructure.Pdf;

/// <summary>
/// The key that signs certificate PDFs, so that a printed or forwarded certificate can be checked for tampering in
/// any PDF reader. Immutable and shared by all renders.
/// </summary>
public sealed class CertificateSigner
{
    public const string DevelopmentSubject = "CN=CertPlatform Development Signing";

    /// <summary>Certificate with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Issuing CA certificates from the same .pfx (roots excluded), embedded so verifiers can build the chain.</summary>
    public IReadOnlyList<X509Certificate2> Intermediates { get; }

    /// <summary>Shared by all renders: it holds only the immutable key material and the precomputed signature size.</summary>
    internal IDigitalSigner PdfSigner { get; }

    public CertificateSigner(X509Certificate2 certificate, IReadOnlyList<X509Certificate2>? intermediates = null)
    {
        if (!certificate.HasPrivateKey)
            throw new InvalidOperationException($"The signing certificate '{certificate.Subject}' has no private key; use a .pfx that contains it.");
        Certificate = certificate;
        Intermediates = intermediates ?? [];
        PdfSigner = new CmsDetachedSigner(certificate, Intermediates);
    }

    /// <summary>Loads a PKCS#12 file; errors name the configuration keys so an operator knows what to fix.</summary>
    public static CertificateSigner LoadPkcs12(string path, string? password)
    {
        if (!File.Exists(path))
            throw new InvalidOperationException($"{CertificatePdfOptions.Section}:{nameof(CertificatePdfOptions.SigningCertificatePath)} points to '{path}', which does not exist.");
        try
        {
            // EphemeralKeySet: the key lives in this process only; nothing is written to a user key store.
            var all = X509CertificateLoader.LoadPkcs12CollectionFromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
            var signing = all.FirstOrDefault(c => c.HasPrivateKey)
                ?? throw new InvalidOperationException(
                    $"'{path}' ({CertificatePdfOptions.Section}:{nameof(CertificatePdfOptions.SigningCertificatePath)}) contains no certificate with a private key.");
            var intermediates = all.Where(c => !ReferenceEquals(c, signing) && !IsSelfSigned(c)).ToList();
            return new CertificateSigner(signing, intermediates);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException(
                $"Cannot open '{path}' ({CertificatePdfOptions.Section}:{nameof(CertificatePdfOptions.SigningCertificatePath)}): " +
                $"wrong {CertificatePdfOptions.Section}:{nameof(CertificatePdfOptions.SigningCertificatePassword)} or not a PKCS#12 file. {ex.Message}", ex);
        }
    }

    // A root is self-issued; verifiers must already trust it, so embedding it proves nothing.
    private static bool IsSelfSigned(X509Certificate2 c) => c.SubjectName.RawData.AsSpan().SequenceEqual(c.IssuerName.RawData);

    public static string DevelopmentCertificatePath(string contentRoot) => Path.Combine(contentRoot, "data", "certs", "signing-dev.pfx");

    private static readonly Lock DevelopmentGate = new();

    /// <summary>
    /// Development only: reuses the self-signed certificate at <paramref name="path"/>, creating it on first use, so
    /// certificates issued in one run still verify against the same key in the next.
    /// </summary>
    public static CertificateSigner LoadOrCreateDevelopment(string path)
    {
        lock (DevelopmentGate)
        {
            KeyFile.CreateOnce(path, CreateDevelopmentPfx);
            return LoadPkcs12(path, password: null);
        }
    }

    private static byte[] CreateDevelopmentPfx()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(DevelopmentSubject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        var now = DateTimeOffset.UtcNow;
        using var cert = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
        return cert.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password: null);
    }

    /// <summary>
    /// The signer the configuration asks for: the configured .pfx; in Development without one, the persisted
    /// development certificate; otherwise none (only reachable when AllowUnsigned passed options validation).
    /// </summary>
    public static CertificateSigner? FromOptions(CertificatePdfOptions options, IHostEnvironment env)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningCertificatePath))
            return LoadPkcs12(ResolvePath(options.SigningCertificatePath, env), options.SigningCertificatePassword);
        if (env.IsDevelopment()) return LoadOrCreateDevelopment(DevelopmentCertificatePath(env.ContentRootPath));
        return null;
    }

    internal static string ResolvePath(string configured, IHostEnvironment env) =>
        Path.GetFullPath(Path.Combine(env.ContentRootPath, configured));
}
