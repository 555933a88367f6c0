using CertPlatform.Web.Domain.Questions.Lint;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>The bank page of flagged questions: bank-level findings, flagged questions (optionally one rule only).</summary>
public sealed record BankLintModel(IReadOnlyList<LintFinding> BankFindings, IReadOnlyList<LintedQuestion> Flagged, int Checked, int Silenced,
    string? Rule, IReadOnlyList<string> Rules);
