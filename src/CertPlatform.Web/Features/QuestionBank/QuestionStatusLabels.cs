using CertPlatform.Web.Domain.Questions;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>The name of a question's status in the UI language (可用, 草稿, 已停用), never the enum's own name.</summary>
public static class QuestionStatusLabels
{
    public static string Label(this IStringLocalizer L, QuestionStatus s) => s switch
    {
        QuestionStatus.Ready => L["可用"], QuestionStatus.Draft => L["草稿"], _ => L["已停用"],
    };
}
