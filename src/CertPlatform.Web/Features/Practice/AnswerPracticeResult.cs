namespace CertPlatform.Web.Features.Practice;

/// <summary>The outcome of <see cref="AnswerPractice"/>: the sealed feedback when answered, what is wrong when invalid.</summary>
public sealed record AnswerPracticeResult(AnswerPracticeOutcome Outcome, string? FeedbackToken = null, IReadOnlyList<AnswerProblem>? Problems = null);
