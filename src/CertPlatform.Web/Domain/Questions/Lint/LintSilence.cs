namespace CertPlatform.Web.Domain.Questions.Lint;

/// <summary>A lint rule silenced on one question, with the author's reason (a silence without a reason is itself an error).</summary>
public sealed record LintSilence(string Rule, string Reason);
