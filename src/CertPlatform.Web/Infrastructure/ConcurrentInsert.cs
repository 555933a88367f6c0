using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Infrastructure;

/// <summary>
/// The one way to save a row that a concurrent request may insert first (a unique index decides the race):
/// save, and when the database refuses it, forget the losing changes so the context can be used again.
/// </summary>
public static class ConcurrentInsert
{
    /// <summary>True when the changes were saved; false when a unique index refused them (the change tracker is then cleared).</summary>
    public static async Task<bool> TrySaveChangesAsync(this DbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
