using CertPlatform.Web.Domain.Questions;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>The name of a question pool in the UI language (练习题池, 认证题池（保密）), never the enum's own name.</summary>
public static class QuestionPoolLabels
{
    public static string Label(this IStringLocalizer L, QuestionPool p) => p == QuestionPool.Secure ? L["认证题池（保密）"] : L["练习题池"];
}
