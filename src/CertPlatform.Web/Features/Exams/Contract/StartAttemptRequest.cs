namespace CertPlatform.Web.Features.Exams.Contract;

/// <summary>Body of <c>POST /api/papers/{paperId}/attempts</c>: the paper's access password, if it has one.</summary>
public sealed record StartAttemptRequest(string? Password);
