namespace CertPlatform.Web.Features.QuestionBank;

public sealed record ExportSkippedModel(BankFormat Format, int Written, IReadOnlyList<Formats.ExportSkip> Skipped, string DownloadUrl);
