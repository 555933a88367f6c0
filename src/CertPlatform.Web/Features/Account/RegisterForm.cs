namespace CertPlatform.Web.Features.Account;

public sealed class RegisterForm : IProfileFields
{
    public string FullName { get; set => field = value ?? ""; } = "";
    public string EmployeeNumber { get; set => field = value ?? ""; } = "";
    public string Organization { get; set => field = value ?? ""; } = "";
    public string Department { get; set => field = value ?? ""; } = "";
    public string Email { get; set => field = value ?? ""; } = "";
    public string Password { get; set => field = value ?? ""; } = "";
    public string ConfirmPassword { get; set => field = value ?? ""; } = "";
}
