using System.Security.Claims;
using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Account;

/// <summary>HR or an administrator confirms a self-registered account: flag, audit entry, then <see cref="IAccountVerifiedHandler"/>s.</summary>
public sealed class VerifyAccount(AppDbContext db, AuditLog audit, TimeProvider clock, IEnumerable<IAccountVerifiedHandler> handlers, ILogger<VerifyAccount> log)
{
    public enum Outcome { Verified, AlreadyVerified, NotFound }

    public async Task<Outcome> RunAsync(string userId, ClaimsPrincipal actor, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return Outcome.NotFound;
        if (user.IsVerified) return Outcome.AlreadyVerified;
        var verified = new AccountVerified(user.Id, clock.GetUtcNow(), actor.FindFirstValue(ClaimTypes.NameIdentifier));
        user.IsVerified = true;
        user.VerifiedAt = verified.At;
        user.VerifiedById = verified.VerifiedById;
        audit.Record(actor, "user.verify", user.Email ?? user.Id, $"{user.FullName} {user.EmployeeNumber}");
        await db.SaveChangesAsync(ct);
        foreach (var handler in handlers)
        {
            try { await handler.OnVerifiedAsync(verified, ct); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Handler {Handler} failed for verified account {UserId}", handler.GetType().Name, user.Id);
            }
        }
        return Outcome.Verified;
    }
}
