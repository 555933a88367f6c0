using System.Text.RegularExpressions;

namespace CertPlatform.Web.Domain.Questions.Lint;

/// <summary>
/// <c>absolute-word-skew</c>: when statements with absolute words (一定、只、完全、所有、不必…) are nearly
/// always false, "absolute means false" answers them without knowing the content.
/// </summary>
public sealed partial class AbsoluteWordRule(LintThresholds thresholds) : IBankLintRule
{
    public const string RuleId = "absolute-word-skew";
    public const string Message = "含绝对化词语（一定、只、完全、所有、不必等）的判断题中有 {0}/{1} 题是错误陈述（{2}%），超过 {3}% 的上限：考生见到绝对化词语就答“错”即可猜中";

    [GeneratedRegex("一定|只|完全|所有|不必|必须|绝对|从不|总是|任何|一律|全部|都不|肯定|无须|无需")]
    private static partial Regex Absolute();

    public static bool HasAbsoluteWord(string stem) => Absolute().IsMatch(stem);

    public string Id => RuleId;

    public IEnumerable<LintFinding> Check(IReadOnlyList<LintSubject> bank)
    {
        var statements = bank.Select(s => s.Question).Where(q => q.Type == QuestionType.TrueFalse && HasAbsoluteWord(q.Stem)).ToList();
        var falses = statements.Count(q => q.TrueFalseAnswer == false);
        if (statements.Count > 0 && 100 * falses > thresholds.AbsoluteFalseMaxPercent * statements.Count)
            yield return new("bank", Id, Message, [falses, statements.Count, LintText.Percent(falses, statements.Count), thresholds.AbsoluteFalseMaxPercent]);
    }
}
