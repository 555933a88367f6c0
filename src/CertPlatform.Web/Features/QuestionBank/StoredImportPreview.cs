namespace CertPlatform.Web.Features.QuestionBank;

public sealed record StoredImportPreview(string FileName, BankFormat Format, string? Encoding, List<StoredImportRow> Rows, List<StoredImportIssue> Skipped, List<StoredImportIssue> Errors);
