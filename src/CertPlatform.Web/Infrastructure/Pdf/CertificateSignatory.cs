namespace CertPlatform.Web.Infrastructure.Pdf;

/// <summary>One signature line at the bottom of the certificate.</summary>
public sealed record CertificateSignatory(string Label, string? Name);
