namespace CertPlatform.Web.Infrastructure.Pdf;

/// <summary>Configuration section "Certificates".</summary>
public sealed class CertificatePdfOptions
{
    public const string Section = "Certificates";

    /// <summary>PKCS#12 (.pfx) file with the signing key; relative paths are resolved against the content root.</summary>
    public string? SigningCertificatePath { get; set; }
    public string? SigningCertificatePassword { get; set; }
    /// <summary>Outside Development, issuing unsigned PDFs must be switched on explicitly.</summary>
    public bool AllowUnsigned { get; set; }
    /// <summary>Template YAML; relative to the content root. Empty: certificates/template.yaml in the content folder.</summary>
    public string? TemplatePath { get; set; }
}
