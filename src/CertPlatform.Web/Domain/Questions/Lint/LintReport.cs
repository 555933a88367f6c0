namespace CertPlatform.Web.Domain.Questions.Lint;

/// <summary>What the lint found: open findings (failures) and findings silenced by a question's <c>lint-ignore</c>.</summary>
public sealed record LintReport(IReadOnlyList<LintFinding> Findings, IReadOnlyList<LintFinding> Silenced)
{
    public bool Ok => Findings.Count == 0;
}
