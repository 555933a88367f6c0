using CertPlatform.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace CertPlatform.Web.Features.Account;

/// <summary>Roles always exist; demo accounts (one per role, listed in README) are created on request.</summary>
public sealed class DemoAccounts(UserManager<AppUser> users, RoleManager<IdentityRole> roles, TimeProvider clock, ILogger<DemoAccounts> log)
{
    public static readonly IReadOnlyList<DemoAccount> All =
    [
        new("trainee@demo.local", "Trainee-2026", Roles.Trainee, "李晓梅", "D0001", "示例分公司", "政企客户部"),
        new("examiner@demo.local", "Examiner-2026", Roles.Examiner, "王建国", "D0002", "示例分公司", "培训中心"),
        new("hr@demo.local", "Hr-demo-2026", Roles.HR, "张丽", "D0003", "示例分公司", "人力资源部"),
        new("admin@demo.local", "Admin-2026", Roles.Admin, "陈平", "D0004", "示例分公司", "信息化部"),
        new("certmanager@demo.local", "Certmanager-2026", Roles.CertificationManager, "刘敏", "D0005", "示例分公司", "认证中心"),
    ];

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
    }

    public async Task EnsureDemoUsersAsync()
    {
        foreach (var d in All)
        {
            if (await users.FindByEmailAsync(d.Email) is not null) continue;
            var user = new AppUser
            {
                UserName = d.Email, Email = d.Email, EmailConfirmed = true, FullName = d.FullName,
                EmployeeNumber = d.EmployeeNumber, Organization = d.Organization, Department = d.Department,
                CreatedAt = clock.GetUtcNow(),
            };
            // The documented demo passwords predate the password policy (they contain the mailbox name):
            // they are hashed directly instead of going through the policy. Demo accounts are for trying the site only.
            user.PasswordHash = users.PasswordHasher.HashPassword(user, d.Password);
            Check(await users.CreateAsync(user), d.Email);
            Check(await users.AddToRoleAsync(user, d.Role), d.Email);
            log.LogInformation("Created demo account {Email} ({Role})", d.Email, d.Role);
        }
    }

    private static void Check(IdentityResult r, string what)
    {
        if (!r.Succeeded)
            throw new InvalidOperationException($"Could not create {what}: {string.Join("; ", r.Errors.Select(e => e.Description))}");
    }
}
