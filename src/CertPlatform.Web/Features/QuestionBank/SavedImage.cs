namespace CertPlatform.Web.Features.QuestionBank;

public sealed record SavedImage(string? Sha256, string? Error);
