using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank.Formats;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>
/// The name of a question type in the UI language: short (单选, 多选…) in tables, filters and import messages, full
/// (单选题…) as a badge. The only place that names the types: pages localise the text at once (<see cref="Label"/>),
/// import messages carry it unlocalised (<see cref="ShortText"/>) until the page or the CLI shows them.
/// </summary>
public static class QuestionTypeLabels
{
    /// <summary>The short name before localisation (an argument of an import message).</summary>
    public static ImportText ShortText(QuestionType t) => Names(t).Short;

    /// <summary>The full name before localisation.</summary>
    public static ImportText FullText(QuestionType t) => Names(t).Full;

    private static (ImportText Short, ImportText Full) Names(QuestionType t)
    {
        var L = ImportTexts.Instance;
        return t switch
        {
            QuestionType.Single => (L["单选"], L["单选题"]),
            QuestionType.Multiple => (L["多选"], L["多选题"]),
            QuestionType.TrueFalse => (L["判断"], L["判断题"]),
            QuestionType.Fill => (L["填空"], L["填空题"]),
            QuestionType.Matching => (L["匹配"], L["匹配题"]),
            QuestionType.Ordering => (L["排序"], L["排序题"]),
            QuestionType.Essay => (L["问答"], L["问答题"]),
            _ => (L["案例"], L["案例分析题"]),
        };
    }

    public static string Label(this IStringLocalizer localizer, QuestionType t) => ShortText(t).Localize(localizer);

    public static string FullLabel(this IStringLocalizer localizer, QuestionType t) => FullText(t).Localize(localizer);
}
