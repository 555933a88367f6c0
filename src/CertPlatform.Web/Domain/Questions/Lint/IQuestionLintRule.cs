namespace CertPlatform.Web.Domain.Questions.Lint;

/// <summary>A rule that looks at one question (case parts are linted as questions of their own).</summary>
public interface IQuestionLintRule
{
    string Id { get; }
    IEnumerable<LintFinding> Check(Question question);
}
