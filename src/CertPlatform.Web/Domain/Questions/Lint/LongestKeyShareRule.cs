namespace CertPlatform.Web.Domain.Questions.Lint;

/// <summary><c>longest-key-share</c>: across the bank, the key must not be the longest option much more often than chance.</summary>
public sealed class LongestKeyShareRule(LintThresholds thresholds) : IBankLintRule
{
    public const string RuleId = "longest-key-share";
    public const string Message = "单选题中正确项恰为最长选项的有 {0}/{1} 题（{2}%），超过 {3}% 的上限：“选最长的”成了有效的猜题策略";

    public string Id => RuleId;

    public IEnumerable<LintFinding> Check(IReadOnlyList<LintSubject> bank)
    {
        var singles = bank.Select(s => s.Question).Where(q => q.Type == QuestionType.Single).ToList();
        var longest = singles.Count(LongestKeyRule.KeyIsStrictlyLongest);
        var percent = LintText.Percent(longest, singles.Count);
        if (singles.Count > 0 && 100 * longest > thresholds.LongestKeyMaxPercent * singles.Count)
            yield return new("bank", Id, Message, [longest, singles.Count, percent, thresholds.LongestKeyMaxPercent]);
    }
}
