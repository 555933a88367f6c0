using CertPlatform.Web.Data;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Exams;

/// <summary>How an attempt ended, in the UI language (进行中, 考生交卷, 到时自动交卷), never the stored <see cref="FinishReason"/>.</summary>
public static class AttemptLabels
{
    public static string FinishLabel(this IStringLocalizer L, string status, string? finishReason) =>
        status == AttemptStatus.InProgress ? L["进行中"] : finishReason switch
        {
            FinishReason.Submitted => L["考生交卷"],
            FinishReason.Deadline => L["到时自动交卷"],
            _ => L["已交卷"],
        };
}
