namespace CertPlatform.Web.Features.Exams;

/// <summary>The writer's answer to one save: the outcome, and for <see cref="WriteOutcome.Stale"/> the stored seq and response (JSON).</summary>
public readonly record struct WriteResult(WriteOutcome Outcome, long StoredSeq, string? StoredResponseJson = null);
