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

    /// <summary>A negative verb followed, in the same clause, by the ask ("……的是", "哪一项", "（  ）").</summary>
    [GeneratedRegex(@"(?<neg>不属于|不是|不正确|不恰当|不合适|不妥当|不应|不能|不宜|不包括|不符合|不需要|不必|不可以|不会)[^，。；？！,;?!]*?(的是|的有|的一项|哪一|哪些|哪项|哪个|（\s*）)")]
    private static partial Regex NegativeVerbAsk();

    /// <summary>"错误的是 / 说法错误的有": 错误 as the ask itself ("错误代码" or "常见错误" are nouns, not asks).</summary>
    [GeneratedRegex(@"(?<neg>错误)的(是|有|一项|选项)|(说法|做法|表述|理解)(?<neg>错误)")]
    private static partial Regex WrongAsk();

    public string Id => RuleId;

    public IEnumerable<LintFinding> Check(Question question)
    {
        if (question.Type is not (QuestionType.Single or QuestionType.Multiple)) yield break;
        var stem = question.Stem;
        var seen = new HashSet<int>();
        foreach (var m in NegativeVerbAsk().Matches(stem).Concat(WrongAsk().Matches(stem)))
        {
            var neg = m.Groups["neg"];
            if (!seen.Add(neg.Index)) continue;
            var before = stem[..neg.Index];
            if (before.EndsWith('【') || before.EndsWith("**", StringComparison.Ordinal)) continue; // emphasised
            // "会不会", "是不是": a yes/no question, not a negative ask.
            if (neg.Index > 0 && neg.Index + 1 < stem.Length && stem[neg.Index - 1] == stem[neg.Index + 1]) continue;
            yield return new(question.Id, Id, Message, [neg.Value]);
        }
    }
}
