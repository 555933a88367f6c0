namespace CertPlatform.Web.Features.Certificates;

/// <summary>The outcome and, when <see cref="DownloadCertificateOutcome.Ready"/>, the certificate's number, the PDF's SHA-256 and its bytes exactly as issued.</summary>
public sealed record DownloadCertificateResult(DownloadCertificateOutcome Outcome, string Number = "", string Sha256 = "", byte[]? Bytes = null)
{
    public static readonly DownloadCertificateResult NotFound = new(DownloadCertificateOutcome.NotFound);
    public static readonly DownloadCertificateResult NotRendered = new(DownloadCertificateOutcome.NotRendered);
}
