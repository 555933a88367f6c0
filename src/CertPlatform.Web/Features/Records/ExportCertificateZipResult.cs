namespace CertPlatform.Web.Features.Records;

/// <summary>
/// What <see cref="ExportCertificateZip.PrepareAsync"/> decided: for <see cref="ExportCertificateZipOutcome.Direct"/> the
/// items and the file name to stream, for <see cref="ExportCertificateZipOutcome.Background"/> and
/// <see cref="ExportCertificateZipOutcome.Busy"/> the job.
/// </summary>
public sealed record ExportCertificateZipResult(ExportCertificateZipOutcome Outcome, IReadOnlyList<ZipItem>? Items = null, string? FileName = null, ZipJob? Job = null);
