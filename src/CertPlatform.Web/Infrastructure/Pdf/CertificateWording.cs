namespace CertPlatform.Web.Infrastructure.Pdf;

/// <summary>The wording lines of the certificate; each may contain {Placeholders} filled from <see cref="CertificateContent"/>.</summary>
public sealed record CertificateWording(
    string NumberLine,
    string Intro,
    string EmployeeLine,
    string OrganizationLine,
    string Body,
    string ValidityLine,
    string RecertificationLine,
    string VerificationCaption,
    string VerificationLine);
