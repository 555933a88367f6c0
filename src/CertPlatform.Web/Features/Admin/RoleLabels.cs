using CertPlatform.Web.Data;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Admin;

/// <summary>The name of a role in the UI language (学员, 考官…), never the stored <see cref="Roles"/> value.</summary>
public static class RoleLabels
{
    public static string RoleLabel(this IStringLocalizer L, string role) => role switch
    {
        Roles.Trainee => L["学员"], Roles.Examiner => L["考官"], Roles.HR => L["人事"], Roles.Admin => L["管理员"],
        Roles.CertificationManager => L["认证经理"], _ => role,
    };
}
