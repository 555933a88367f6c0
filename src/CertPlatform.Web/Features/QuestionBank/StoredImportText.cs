namespace CertPlatform.Web.Features.QuestionBank;

public sealed record StoredImportText(string Key, List<StoredImportArg> Args);
