namespace CertPlatform.Web.Features.QuestionBank;

public sealed record StoredImportIssue(string File, int Line, StoredImportText Message, bool Skipped);
