namespace CertPlatform.Web.Infrastructure.Pdf;

/// <summary>
/// Everything printed on one certificate. Dates are calendar days of the display zone (Display:TimeZone): PassDate the
/// day the exam was passed, IssueDate the day the certificate was issued (the verify page shows the same day), ExpiryDate
/// the last day on which it is valid (有效期至). Without an IssueDate the pass date is printed as the issue date.
/// </summary>
public sealed record CertificateContent(
    string HolderName,
    string EmployeeNumber,
    string Organization,
    string Title,
    string Level,
    string CertificateNumber,
    string PaperTitle,
    decimal Score,
    DateOnly PassDate,
    DateOnly ExpiryDate,
    string VerificationUrl,
    string? PreviousCertificateNumber,
    DateOnly? IssueDate = null)
{
    /// <summary>The issue date printed on the certificate.</summary>
    public DateOnly PrintedIssueDate => IssueDate ?? PassDate;

    /// <summary>The certification programme's name ({Programme}) and the approved paper version passed ({PaperVersion}).</summary>
    public string Programme { get; init; } = "";
    public int PaperVersion { get; init; } = 1;
    /// <summary>The template file the certificate's programme names (<see cref="CertificateTemplates"/>); not printed.</summary>
    public string Template { get; init; } = CertificateTemplates.DefaultFileName;

    /// <summary>Files embedded in the PDF (before signing: the signature covers them).</summary>
    public IReadOnlyList<PdfAttachment> Attachments { get; init; } = [];
}
