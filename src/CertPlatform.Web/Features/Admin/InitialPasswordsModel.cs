using CertPlatform.Web.Infrastructure;

namespace CertPlatform.Web.Features.Admin;

public sealed record InitialPasswordsModel(string Title, IReadOnlyList<InitialPassword> Passwords)
{
    /// <summary>
    /// CSV of the initial passwords (<see cref="TableExport.Csv"/>: formula-like text neutralised), built into the page as a
    /// data: URL because passwords are never stored.
    /// </summary>
    public string CsvDataUrl =>
        "data:text/csv;charset=utf-8;base64," + Convert.ToBase64String(TableExport.Csv(
            Passwords.Select(p => new ExportCell[] { p.FullName, p.EmployeeNumber, p.Email, p.Password })
                .Prepend(new ExportCell[] { "姓名", "工号", "邮箱", "初始密码" })));
}
