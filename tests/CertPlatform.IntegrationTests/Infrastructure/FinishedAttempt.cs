namespace CertPlatform.IntegrationTests.Infrastructure;

/// <summary>An attempt sat through the exam API and submitted: what the submit call answered.</summary>
public sealed record FinishedAttempt(string AttemptId, bool Passed, string? CertificateId);
