namespace CertPlatform.Web.Domain.Questions.Lint;

/// <summary>A question to lint with the curriculum part it belongs to (bank-level rules count per part).</summary>
public sealed record LintSubject(Question Question, string PartId);
