namespace CertPlatform.Web.Features.Exams;

/// <summary>
/// The result of a save: the outcome, the seq now stored (for <see cref="SaveAnswerOutcome.Stale"/> the one kept,
/// with its response as JSON), when, and for a bad response the parser's detail.
/// </summary>
public sealed record SaveAnswerResult(SaveAnswerOutcome Outcome, long Seq, DateTimeOffset SavedAt, string? StoredResponseJson = null, string? Detail = null);
