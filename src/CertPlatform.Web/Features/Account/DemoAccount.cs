namespace CertPlatform.Web.Features.Account;

public sealed record DemoAccount(string Email, string Password, string Role, string FullName, string EmployeeNumber, string Organization, string Department);
