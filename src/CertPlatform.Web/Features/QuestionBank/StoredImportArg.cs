namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>An argument of a message: plain text (numbers as invariant text) or a nested message.</summary>
public sealed record StoredImportArg(string? Value, StoredImportText? Nested);
