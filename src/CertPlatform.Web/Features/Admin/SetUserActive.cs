using System.Security.Claims;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Account;
using Microsoft.AspNetCore.Identity;

namespace CertPlatform.Web.Features.Admin;

/// <summary>
/// An administrator deactivates a user (signed out everywhere at once) or activates them again (audited). Nobody
/// deactivates their own account.
/// </summary>
public sealed class SetUserActive(AppDbContext db, UserManager<AppUser> users, UserSessions sessions, AuditLog audit, TimeProvider clock)
{
    public async Task<SetUserActiveResult> RunAsync(string id, bool active, ClaimsPrincipal actor)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return new(SetUserActiveOutcome.NotFound);
        if (user.Id == actor.FindFirstValue(ClaimTypes.NameIdentifier) && !active) return new(SetUserActiveOutcome.OwnAccount, user.FullName);
        user.IsActive = active;
        user.DeactivatedAt = active ? null : clock.GetUtcNow();
        await users.UpdateAsync(user);
        // A new security stamp signs the user out everywhere within the validation interval.
        if (!active)
        {
            await users.UpdateSecurityStampAsync(user);
            await sessions.CloseAllAsync(user.Id); // and at once, through the server-side sessions
        }
        audit.Record(actor, active ? AuditActions.UserActivated : AuditActions.UserDeactivated, user.Email!);
        await db.SaveChangesAsync();
        return new(active ? SetUserActiveOutcome.Activated : SetUserActiveOutcome.Deactivated, user.FullName);
    }
}
