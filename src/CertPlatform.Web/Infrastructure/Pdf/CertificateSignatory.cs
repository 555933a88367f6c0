using System.Globalization;
using System.Text.RegularExpressions;
using CertPlatform.Web.Content;
using PdfSharp.Drawing;
using YamlDotNet.RepresentationModel;

namespace CertPlatform.Web.Infrastructure.Pdf;

/// <summary>One signature line at the bottom of the certificate.</summary>
public sealed record CertificateSignatory(string Label, string? Name);
