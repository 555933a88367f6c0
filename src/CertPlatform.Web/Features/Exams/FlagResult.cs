namespace CertPlatform.Web.Features.Exams;

/// <summary>The outcome of a flag change and, when changed, every flagged ref.</summary>
public sealed record FlagResult(FlagOutcome Outcome, IReadOnlyList<int> Flags);
