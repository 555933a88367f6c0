namespace CertPlatform.Web.Features.Account;

/// <summary>The profile fields HR relies on, shared by self-registration and the admin user form.</summary>
public interface IProfileFields
{
    string FullName { get; }
    string EmployeeNumber { get; }
    string Organization { get; }
    string Department { get; }
    string Email { get; }
}
