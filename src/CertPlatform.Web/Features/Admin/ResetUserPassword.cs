using System.Security.Claims;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Account;
using Microsoft.AspNetCore.Identity;

namespace CertPlatform.Web.Features.Admin;

/// <summary>
/// An administrator gives a user a new one-time initial password (audited): the lockout ends, every session is closed
/// and the user must choose their own password at the next sign-in.
/// </summary>
public sealed class ResetUserPassword(AppDbContext db, UserManager<AppUser> users, UserSessions sessions, AuditLog audit)
{
    public async Task<ResetUserPasswordResult> RunAsync(string id, ClaimsPrincipal actor)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return new(ResetUserPasswordOutcome.NotFound);
        var password = InitialPasswords.Generate();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded) return new(ResetUserPasswordOutcome.Failed, Problem: string.Join("; ", result.Errors.Select(e => e.Description)));
        user.MustChangePassword = true;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateAsync(user);
        await sessions.CloseAllAsync(user.Id);
        audit.Record(actor, AuditActions.UserPasswordReset, user.Email!);
        await db.SaveChangesAsync();
        return new(ResetUserPasswordOutcome.Reset, new InitialPassword(user.FullName, user.EmployeeNumber ?? "", user.Email!, password));
    }
}
