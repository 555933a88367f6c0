using CertPlatform.Web.Domain.Questions;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>The short name of a question type in the UI language (单选, 多选…).</summary>
public static class QuestionTypeLabels
{
    public static string Label(this IStringLocalizer L, QuestionType t) => t switch
    {
        QuestionType.Single => L["单选"], QuestionType.Multiple => L["多选"], QuestionType.TrueFalse => L["判断"],
        QuestionType.Fill => L["填空"], QuestionType.Matching => L["匹配"], QuestionType.Ordering => L["排序"],
        QuestionType.Essay => L["问答"], _ => L["案例"],
    };
}
