using System.Security.Claims;
using CertPlatform.Web.Data;

namespace CertPlatform.Web.Features.Account;

/// <summary>Adds an audit entry to the current unit of work (saved with the change it describes).</summary>
public sealed class AuditLog(AppDbContext db, TimeProvider clock)
{
    public void Record(ClaimsPrincipal? actor, string action, string target, string details = "")
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorId = actor?.FindFirstValue(ClaimTypes.NameIdentifier),
            ActorName = actor?.Identity?.Name ?? "system",
            Action = action,
            Target = target,
            Details = details.Length > 2000 ? details[..2000] : details,
        });
    }
}
