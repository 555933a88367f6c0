namespace CertPlatform.Web.Features.Admin;

/// <summary>A password shown once to the administrator; never stored in clear text.</summary>
public sealed record InitialPassword(string FullName, string EmployeeNumber, string Email, string Password);
