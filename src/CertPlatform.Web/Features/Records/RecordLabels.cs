using CertPlatform.Web.Features.Certificates;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Records;

/// <summary>
/// The one owner of the words certificate exports use, so the CSV/XLSX export and the ZIP's manifest.csv say the same
/// thing in the same (localised) language: column headers and status labels.
/// </summary>
public static class RecordLabels
{
    public static string Status(IStringLocalizer L, string status) => L.StatusLabel(status);

    /// <summary>The ZIP manifest's header: the export's labels for number, holder, status, SHA-256, issued and valid-until.</summary>
    public static string[] ManifestHeader(IStringLocalizer L) =>
        [L["证书编号"], L["姓名"], L["状态"], "SHA-256", L["发证日期"], L["有效期至"]];
}
