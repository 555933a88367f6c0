namespace CertPlatform.Web.Features.QuestionBank;

public sealed record VersionInfo(int Version, DateTimeOffset CreatedAt, string CreatedBy, string Note);
