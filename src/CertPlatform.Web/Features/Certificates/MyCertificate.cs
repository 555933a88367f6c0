using CertPlatform.Web.Data;

namespace CertPlatform.Web.Features.Certificates;

public sealed record MyCertificate(Certificate Certificate, string Status, string VerificationUrl, string? PreviousNumber);
