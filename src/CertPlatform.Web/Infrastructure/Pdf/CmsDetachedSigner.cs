using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using PdfSharp.Pdf.Signatures;

namespace CertPlatform.Web.Infrastructure.Pdf;

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
