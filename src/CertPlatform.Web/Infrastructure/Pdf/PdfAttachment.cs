namespace CertPlatform.Web.Infrastructure.Pdf;

/// <summary>A file embedded in the certificate PDF (e.g. its Open Badges credential), added before the PDF is signed so the signature covers it.</summary>
public sealed record PdfAttachment(string FileName, byte[] Bytes);
