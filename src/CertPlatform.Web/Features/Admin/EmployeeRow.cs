namespace CertPlatform.Web.Features.Admin;

/// <summary>One employee row from an import file; <see cref="Line"/> is the row number in the file.</summary>
public sealed record EmployeeRow(int Line, string FullName, string EmployeeNumber, string Organization, string Department, IReadOnlyList<string> Roles, string Email);
