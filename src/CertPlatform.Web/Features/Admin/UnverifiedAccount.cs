namespace CertPlatform.Web.Features.Admin;

/// <summary>A self-registered account waiting for HR to confirm it.</summary>
public sealed record UnverifiedAccount(string Id, string FullName, string? EmployeeNumber, string Organization, string Department, string Email, DateTimeOffset CreatedAt);
