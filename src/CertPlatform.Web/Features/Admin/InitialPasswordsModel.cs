using CertPlatform.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Admin;

public sealed record InitialPasswordsModel(string Title, IReadOnlyList<InitialPassword> Passwords)
{
    /// <summary>
    /// CSV of the initial passwords with the page's column names (<see cref="TableExport.Csv"/>: formula-like text
    /// neutralised), built into the page as a data: URL because passwords are never stored.
    /// </summary>
    public string CsvDataUrl(IStringLocalizer L) =>
        "data:text/csv;charset=utf-8;base64," + Convert.ToBase64String(TableExport.Csv(
            Passwords.Select(p => new ExportCell[] { p.FullName, p.EmployeeNumber, p.Email, p.Password })
                .Prepend(new ExportCell[] { L["姓名"].Value, L["工号"].Value, L["邮箱"].Value, L["初始密码"].Value })));
}
