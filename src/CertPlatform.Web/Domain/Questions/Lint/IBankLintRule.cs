namespace CertPlatform.Web.Domain.Questions.Lint;

/// <summary>A rule that looks at the bank as a whole (shares and balances per part, duplicates).</summary>
public interface IBankLintRule
{
    string Id { get; }
    IEnumerable<LintFinding> Check(IReadOnlyList<LintSubject> bank);
}
