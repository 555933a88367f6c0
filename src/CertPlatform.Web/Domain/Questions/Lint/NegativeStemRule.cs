using System.Text.RegularExpressions;

namespace CertPlatform.Web.Domain.Questions.Lint;

/// <summary>
/// <c>negative-stem</c>: a choice stem that asks for what is NOT so ("不属于……的是", "错误的是") must
/// emphasise the negative — 【不】属于 (stems are plain text) or **不**属于.
/// </summary>
public sealed partial class NegativeStemRule : IQuestionLintRule
{
    public const string RuleId = "negative-stem";
    public const string Message = "题干问的是否定的一面，但否定词“{0}”没有强调（写成【{0}】）：考生容易漏看否定而选出“正确”的一项，测的是细心而不是知识";

    [GeneratedRegex(@"(不属于|不是|不正确|不恰当|不合适|不妥当|不应|不能|不宜|不包括|不符合|不需要|不必|不可以|不会|错误|没有)[^，。；？！,;?!]*?(的是|的有|的一项|哪一|哪些|哪项|哪个|（\s*）)")]
    private static partial Regex NegativeAsk();

    public string Id => RuleId;

    public IEnumerable<LintFinding> Check(Question question)
    {
        if (question.Type is not (QuestionType.Single or QuestionType.Multiple)) yield break;
        foreach (Match m in NegativeAsk().Matches(question.Stem))
        {
            var before = question.Stem[..m.Index];
            if (before.EndsWith('【') || before.EndsWith("**", StringComparison.Ordinal)) continue;
            yield return new(question.Id, Id, Message, [m.Groups[1].Value]);
        }
    }
}
