namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>A QTI package written by <see cref="QtiFormat.WritePackage"/> and the questions it could not hold.</summary>
public sealed record QtiExport(byte[] Package, int Written, IReadOnlyList<ExportSkip> Skipped);
