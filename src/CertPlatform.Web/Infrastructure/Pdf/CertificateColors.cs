using System.Globalization;
using System.Text.RegularExpressions;
using CertPlatform.Web.Content;
using PdfSharp.Drawing;
using YamlDotNet.RepresentationModel;

namespace CertPlatform.Web.Infrastructure.Pdf;

public sealed record CertificateColors(XColor Primary, XColor Accent, XColor Text, XColor Seal);
