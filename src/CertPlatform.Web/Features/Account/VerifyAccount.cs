using System.Security.Claims;
using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Account;

/// <summary>
/// HR or an administrator confirms a self-registered account: flag, audit entry, then <see cref="IAccountVerifiedHandler"/>s.
/// The employee import and registration verify matching accounts automatically through <see cref="Mark"/> (in their own
/// transaction, audited as <see cref="AuditActions.UserVerifyMatched"/>) and <see cref="NotifyAsync"/> after it is committed.
/// </summary>
public sealed class VerifyAccount(AppDbContext db, AuditLog audit, TimeProvider clock, IEnumerable<IAccountVerifiedHandler> handlers, ILogger<VerifyAccount> log)
{
    public async Task<VerifyAccountOutcome> RunAsync(string userId, ClaimsPrincipal actor, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return VerifyAccountOutcome.NotFound;
        if (user.IsVerified) return VerifyAccountOutcome.AlreadyVerified;
        var verified = Mark(user, actor.FindFirstValue(ClaimTypes.NameIdentifier));
        audit.Record(actor, AuditActions.UserVerified, user.Email ?? user.Id, $"{user.FullName} {user.EmployeeNumber}");
        await db.SaveChangesAsync(ct);
        await NotifyAsync(verified, ct);
        return VerifyAccountOutcome.Verified;
    }

    /// <summary>Sets the flag on a tracked user (the caller saves and audits); returns the event to raise after saving.</summary>
    public AccountVerified Mark(AppUser user, string? verifiedById)
    {
        var verified = new AccountVerified(user.Id, clock.GetUtcNow(), verifiedById);
        user.IsVerified = true;
        user.VerifiedAt = verified.At;
        user.VerifiedById = verified.VerifiedById;
        return verified;
    }

    /// <summary>Runs the handlers of a saved verification; a handler's failure is logged and does not undo it.</summary>
    public async Task NotifyAsync(AccountVerified verified, CancellationToken ct)
    {
        foreach (var handler in handlers)
        {
            try { await handler.OnVerifiedAsync(verified, ct); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Handler {Handler} failed for verified account {UserId}", handler.GetType().Name, verified.UserId);
            }
        }
    }
}
