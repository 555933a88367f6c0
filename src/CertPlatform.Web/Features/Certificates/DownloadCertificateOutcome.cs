namespace CertPlatform.Web.Features.Certificates;

/// <summary>What <see cref="DownloadCertificate"/> found: the stored PDF, no certificate the user may see, or a reserved number whose PDF is not rendered yet.</summary>
public enum DownloadCertificateOutcome { Ready, NotFound, NotRendered }
