namespace CertPlatform.Web.Domain.Questions.Lint;

/// <summary><c>correct-count-spread</c>: multiple-choice questions with n options must not nearly always have the same number right.</summary>
public sealed class CorrectCountSpreadRule(LintThresholds thresholds) : IBankLintRule
{
    public const string RuleId = "correct-count-spread";
    public const string Message = "{0} 个选项的多选题中有 {1}/{2} 题恰有 {3} 个正确项（{4}%），超过 {5}% 的上限：考生按固定个数勾选就能多得分";

    public string Id => RuleId;

    public IEnumerable<LintFinding> Check(IReadOnlyList<LintSubject> bank)
    {
        foreach (var group in bank.Select(s => s.Question).Where(q => q.Type == QuestionType.Multiple)
                     .GroupBy(q => q.Options.Count).OrderBy(g => g.Key))
        {
            var total = group.Count();
            if (total < thresholds.CorrectCountMinQuestions) continue;
            var top = group.GroupBy(q => q.Options.Count(o => o.Correct)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First();
            if (100 * top.Count() > thresholds.CorrectCountMaxPercent * total)
                yield return new("bank", Id, Message,
                    [group.Key, top.Count(), total, top.Key, LintText.Percent(top.Count(), total), thresholds.CorrectCountMaxPercent]);
        }
    }
}
