namespace CertPlatform.Web.Features.Records;

/// <summary>How <see cref="ExportCertificateZip"/> delivers the certificates' ZIP.</summary>
public enum ExportCertificateZipOutcome
{
    /// <summary>No certificate matches the filter: no ZIP.</summary>
    Nothing,
    /// <summary>Few enough to stream straight into the response.</summary>
    Direct,
    /// <summary>A background job builds it behind a status page.</summary>
    Background,
    /// <summary>The user already has a ZIP being built: one at a time.</summary>
    Busy,
}
