using CertPlatform.Web.Features.Account;

namespace CertPlatform.Web.Features.Admin;

public sealed class UserForm : IProfileFields
{
    public string? Id { get; set; }
    public string FullName { get; set => field = value ?? ""; } = "";
    public string EmployeeNumber { get; set => field = value ?? ""; } = "";
    public string Organization { get; set => field = value ?? ""; } = "";
    public string Department { get; set => field = value ?? ""; } = "";
    public string Email { get; set => field = value ?? ""; } = "";
    public List<string> Roles { get; set; } = [];
}
