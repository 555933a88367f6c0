namespace CertPlatform.Web.Features.Exams.Contract;

/// <summary>Body of <c>PUT /api/attempts/{attemptId}/flags/{questionRef}</c>.</summary>
public sealed record FlagRequest(bool Flagged);
