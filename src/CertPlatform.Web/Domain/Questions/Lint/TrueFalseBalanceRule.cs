namespace CertPlatform.Web.Domain.Questions.Lint;

/// <summary><c>truefalse-balance</c>: per part, true statements must make up a balanced share of the true/false questions.</summary>
public sealed class TrueFalseBalanceRule(LintThresholds thresholds) : IBankLintRule
{
    public const string RuleId = "truefalse-balance";
    public const string Message = "本部分的判断题中正确陈述占 {0}/{1}（{2}%），不在 {3}%–{4}% 之间：考生一律答“错”（或一律答“对”）就能得高分";

    public string Id => RuleId;

    public IEnumerable<LintFinding> Check(IReadOnlyList<LintSubject> bank)
    {
        foreach (var part in bank.Where(s => s.Question.Type == QuestionType.TrueFalse).GroupBy(s => s.PartId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var total = part.Count();
            if (total < thresholds.TrueFalseMinQuestions) continue;
            var trues = part.Count(s => s.Question.TrueFalseAnswer == true);
            if (100 * trues < thresholds.TrueMinPercent * total || 100 * trues > thresholds.TrueMaxPercent * total)
                yield return new(part.Key, Id, Message, [trues, total, LintText.Percent(trues, total), thresholds.TrueMinPercent, thresholds.TrueMaxPercent]);
        }
    }
}
