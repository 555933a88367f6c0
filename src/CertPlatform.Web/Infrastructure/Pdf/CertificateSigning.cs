namespace CertPlatform.Web.Infrastructure.Pdf;

/// <summary>The signer chosen from configuration; <see cref="Signer"/> is null only when unsigned PDFs were allowed.</summary>
public sealed record CertificateSigning(CertificateSigner? Signer);
