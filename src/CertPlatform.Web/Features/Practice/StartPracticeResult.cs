namespace CertPlatform.Web.Features.Practice;

/// <summary>The outcome of <see cref="StartPractice"/> and, when started, the sealed set token for the question page.</summary>
public sealed record StartPracticeResult(StartPracticeOutcome Outcome, string? Token = null);
