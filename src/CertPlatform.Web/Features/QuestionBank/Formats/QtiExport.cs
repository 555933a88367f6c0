using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;
using System.Xml.Linq;
using CertPlatform.Web.Content;
using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>A QTI package written by <see cref="QtiFormat.WritePackage"/> and the questions it could not hold.</summary>
public sealed record QtiExport(byte[] Package, int Written, IReadOnlyList<ExportSkip> Skipped);
