using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Practice;

/// <summary>
/// Makes practice question tokens single-use: the first answer to a token is graded, a second
/// submission of it (back button, replay) is refused. Tokens expire after <see cref="Lifetime"/>,
/// which is also how long the record of a used token is kept.
/// </summary>
public sealed class PracticeTokenLedger(AppDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>True for the first use of an unexpired token; false when it was used before or has expired.</summary>
    public async Task<bool> TryUseAsync(PracticeState state, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - Lifetime;
        if (DateTimeOffset.FromUnixTimeMilliseconds(state.IssuedAtMs) < cutoff) return false;
        await db.Set<UsedPracticeToken>().Where(t => t.UsedAt < cutoff).ExecuteDeleteAsync(ct);
        db.Add(new UsedPracticeToken { Nonce = state.Nonce, UserId = state.UserId, UsedAt = now });
        return await db.TrySaveChangesAsync(ct);
    }
}
