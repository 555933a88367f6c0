using Microsoft.AspNetCore.Identity;

namespace CertPlatform.Web.Data;

/// <summary>An account plus the profile HR needs on certification records.</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>姓名</summary>
    public string FullName { get; set; } = "";
    /// <summary>工号 — unique when present.</summary>
    public string? EmployeeNumber { get; set; }
    /// <summary>单位</summary>
    public string Organization { get; set; } = "";
    /// <summary>部门</summary>
    public string Department { get; set; } = "";
    public bool IsActive { get; set; } = true;
    /// <summary>Set for accounts created with an initial password; cleared when the user sets their own.</summary>
    public bool MustChangePassword { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeactivatedAt { get; set; }
    /// <summary>
    /// Confirmed as a real employee: accounts made by an administrator or the employee import are;
    /// self-registered ones are not until HR or an administrator confirms them (Features/Account/VerifyAccount.cs).
    /// </summary>
    public bool IsVerified { get; set; } = true;
    public DateTimeOffset? VerifiedAt { get; set; }
    /// <summary>Who confirmed a self-registered account (user id).</summary>
    public string? VerifiedById { get; set; }
}
