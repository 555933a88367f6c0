using CertPlatform.Web.Domain.Questions;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>The name of a question type in the UI language: short (单选, 多选…) in tables and filters, full (单选题…) as a badge.</summary>
public static class QuestionTypeLabels
{
    public static string Label(this IStringLocalizer L, QuestionType t) => t switch
    {
        QuestionType.Single => L["单选"], QuestionType.Multiple => L["多选"], QuestionType.TrueFalse => L["判断"],
        QuestionType.Fill => L["填空"], QuestionType.Matching => L["匹配"], QuestionType.Ordering => L["排序"],
        QuestionType.Essay => L["问答"], _ => L["案例"],
    };

    public static string FullLabel(this IStringLocalizer L, QuestionType t) => t switch
    {
        QuestionType.Single => L["单选题"], QuestionType.Multiple => L["多选题"], QuestionType.TrueFalse => L["判断题"],
        QuestionType.Fill => L["填空题"], QuestionType.Matching => L["匹配题"], QuestionType.Ordering => L["排序题"],
        QuestionType.Essay => L["问答题"], _ => L["案例分析题"],
    };
}
