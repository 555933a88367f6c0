using System.Text.RegularExpressions;

namespace CertPlatform.Web.Domain.Questions.Lint;

/// <summary><c>all-or-none-option</c>: "以上都对 / 以上都不对" options let a trainee guess from two options.</summary>
public sealed partial class AllOrNoneOptionRule : IQuestionLintRule
{
    public const string RuleId = "all-or-none-option";
    public const string Message = "选项“{0}”属于“以上都对/以上都不对”：考生只要认出其中两项的对错就能猜中，题目测不出真正的掌握程度";

    [GeneratedRegex(@"以上(都|均|全|各项|选项)(对|正确|不对|错|不正确|是|不是|有|没有|符合|不符合)|(都|均)(不)?(对|正确)$|全部(正确|都对)")]
    private static partial Regex AllOrNone();

    public string Id => RuleId;

    public IEnumerable<LintFinding> Check(Question question)
    {
        if (question.Type is not (QuestionType.Single or QuestionType.Multiple)) yield break;
        foreach (var o in question.Options)
            if (AllOrNone().IsMatch(o.Text.Trim().TrimEnd('。', '.')))
                yield return new(question.Id, Id, Message, [o.Text]);
    }
}
