namespace CertPlatform.Web.Features.Admin;

public sealed record UserListItem(string Id, string FullName, string? EmployeeNumber, string Organization, string Department, string Email, bool IsActive, bool LockedOut, IReadOnlyList<string> Roles);
