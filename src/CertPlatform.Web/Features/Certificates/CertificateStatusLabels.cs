using CertPlatform.Web.Data;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Certificates;

/// <summary>
/// The name of a certificate's status in the UI language (有效, 已过期, 已撤销), never the stored
/// <see cref="CertificateStatus"/> value: the trainee's list, the verify page, HR's records and their exports.
/// </summary>
public static class CertificateStatusLabels
{
    public static string StatusLabel(this IStringLocalizer L, string status) => status switch
    {
        CertificateStatus.Valid => L["有效"],
        CertificateStatus.Expired => L["已过期"],
        _ => L["已撤销"],
    };
}
