using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Notifications;

/// <summary>Reads and saves a user's opt-out of non-essential mail.</summary>
public sealed class NotificationPreferenceStore(AppDbContext db, TimeProvider clock)
{
    public Task<bool> IsOptedOutAsync(string userId, CancellationToken ct) =>
        db.NotificationPreferences.AnyAsync(p => p.UserId == userId && p.OptOutNonEssential, ct);

    public async Task SaveAsync(string userId, bool optOut, CancellationToken ct)
    {
        var row = await db.NotificationPreferences.FirstOrDefaultAsync(p => p.UserId == userId, ct);
        if (row is null) db.NotificationPreferences.Add(row = new NotificationPreference { UserId = userId });
        row.OptOutNonEssential = optOut;
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }
}
