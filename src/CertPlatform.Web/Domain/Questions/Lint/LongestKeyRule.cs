namespace CertPlatform.Web.Domain.Questions.Lint;

/// <summary><c>longest-key</c>: a single-choice key that is the longest option by a clear margin gives itself away.</summary>
public sealed class LongestKeyRule(LintThresholds thresholds) : IQuestionLintRule
{
    public const string RuleId = "longest-key";
    public const string Message = "正确项（{0} 字）明显长于最长的干扰项（{1} 字）：不懂内容的考生凭“选最长的”也能猜中";

    public string Id => RuleId;

    public IEnumerable<LintFinding> Check(Question question)
    {
        if (question.Type != QuestionType.Single || question.Options.Count(o => o.Correct) != 1 || question.Options.Count < 2) yield break;
        var key = LintText.Length(question.Options.Single(o => o.Correct).Text);
        var longest = question.Options.Where(o => !o.Correct).Max(o => LintText.Length(o.Text));
        if (key >= thresholds.LongestKeyRatio * longest && key - longest >= thresholds.LongestKeyMinExtraChars)
            yield return new(question.Id, Id, Message, [key, longest]);
    }

    /// <summary>Whether the key is strictly the longest option (counted by <see cref="LongestKeyShareRule"/>).</summary>
    public static bool KeyIsStrictlyLongest(Question q)
    {
        if (q.Type != QuestionType.Single || q.Options.Count(o => o.Correct) != 1 || q.Options.Count < 2) return false;
        var key = LintText.Length(q.Options.Single(o => o.Correct).Text);
        return q.Options.Where(o => !o.Correct).All(o => LintText.Length(o.Text) < key);
    }
}
