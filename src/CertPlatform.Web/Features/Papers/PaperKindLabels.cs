using CertPlatform.Web.Data;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Papers;

/// <summary>The name of a paper's kind in the UI language (认证考试, 模拟考试), never the stored <see cref="PaperKind"/> value.</summary>
public static class PaperKindLabels
{
    public static string KindLabel(this IStringLocalizer L, string kind) => kind == PaperKind.Certification ? L["认证考试"] : L["模拟考试"];
}
