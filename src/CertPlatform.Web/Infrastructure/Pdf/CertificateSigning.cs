using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
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
            if (!File.Exists(path))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
                // The key file is created readable by the owner only, never briefly world-readable.
                var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                using (var file = new FileStream(temp, create)) file.Write(CreateDevelopmentPfx());
                try { File.Move(temp, path, overwrite: false); }
                catch (IOException) when (File.Exists(path)) { File.Delete(temp); } // another process created it first: use theirs
            }
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

/// <summary>
/// Detached CMS (adbe.pkcs7.detached) SHA-256 signatures for PDFsharp's DigitalSignatureHandler. Unlike
/// PdfSharpDefaultSigner it embeds the chain taken from the .pfx instead of building an X509Chain for every PDF
/// (that chain build was ~1 ms of a ~7 ms render), and it puts the signing time into the signed attributes.
/// </summary>
internal sealed class CmsDetachedSigner : IDigitalSigner
{
    private static readonly Oid Sha256 = new("2.16.840.1.101.3.4.2.1");
    private readonly X509Certificate2 _certificate;
    private readonly X509Certificate2Collection _extraCertificates;
    private readonly int _signatureSize;

    public CmsDetachedSigner(X509Certificate2 certificate, IReadOnlyList<X509Certificate2> intermediates)
    {
        _certificate = certificate;
        _extraCertificates = [.. intermediates];
        // The space reserved in the PDF must fit every signature: RSA/ECDSA output length varies by a few bytes at most.
        _signatureSize = Sign([0]).Length + 32;
    }

    public string CertificateName => _certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);

    public Task<int> GetSignatureSizeAsync() => Task.FromResult(_signatureSize);

    public Task<byte[]> GetSignatureAsync(Stream stream)
    {
        var content = new byte[stream.Length];
        stream.Position = 0;
        stream.ReadExactly(content);
        return Task.FromResult(Sign(content));
    }

    private byte[] Sign(byte[] content)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(_certificate) { DigestAlgorithm = Sha256, IncludeOption = X509IncludeOption.EndCertOnly };
        signer.Certificates.AddRange(_extraCertificates);
        signer.SignedAttributes.Add(new Pkcs9SigningTime(DateTime.UtcNow));
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }
}

/// <summary>
/// Refuses to start a non-Development host that would issue unsigned certificates by accident: the operator must
/// either configure a signing certificate or say explicitly that unsigned PDFs are acceptable.
/// </summary>
internal sealed class CertificatePdfOptionsValidator(IHostEnvironment env) : IValidateOptions<CertificatePdfOptions>
{
    private const string PathKey = $"{CertificatePdfOptions.Section}:{nameof(CertificatePdfOptions.SigningCertificatePath)}";
    private const string PasswordKey = $"{CertificatePdfOptions.Section}:{nameof(CertificatePdfOptions.SigningCertificatePassword)}";
    private const string AllowKey = $"{CertificatePdfOptions.Section}:{nameof(CertificatePdfOptions.AllowUnsigned)}";

    public ValidateOptionsResult Validate(string? name, CertificatePdfOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningCertificatePath))
        {
            var path = CertificateSigner.ResolvePath(options.SigningCertificatePath, env);
            if (!File.Exists(path))
                return ValidateOptionsResult.Fail($"{PathKey} is '{options.SigningCertificatePath}' but '{path}' does not exist.");
            // Opening it now turns a wrong password into a start-up failure instead of a failed certificate issue later.
            try { _ = CertificateSigner.LoadPkcs12(path, options.SigningCertificatePassword); }
            catch (InvalidOperationException ex) { return ValidateOptionsResult.Fail(ex.Message); }
            return ValidateOptionsResult.Success;
        }
        if (env.IsDevelopment() || options.AllowUnsigned) return ValidateOptionsResult.Success;
        return ValidateOptionsResult.Fail(
            $"Certificate PDFs must be signed outside Development: set {PathKey} to a PKCS#12 (.pfx) file and {PasswordKey} " +
            $"to its password, or set {AllowKey}=true to issue unsigned PDFs deliberately.");
    }
}
