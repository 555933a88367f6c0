using PdfSharp.Drawing;

namespace CertPlatform.Web.Infrastructure.Pdf;

public sealed record CertificateColors(XColor Primary, XColor Accent, XColor Text, XColor Seal);
