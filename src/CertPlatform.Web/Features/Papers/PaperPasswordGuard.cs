using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Papers;

/// <summary>
/// Checks an exam access password with a lockout per trainee and paper: after <see cref="MaxFailures"/>
/// wrong passwords in a row the paper refuses that trainee's passwords (even the right one) for
/// <see cref="LockDuration"/>, so a password cannot be guessed by trying. A right password clears the count.
/// </summary>
public sealed class PaperPasswordGuard(AppDbContext db, TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(15);

    public async Task<PaperPasswordCheck> CheckAsync(Paper paper, string userId, string? password, CancellationToken ct)
    {
        if (paper.AccessPasswordHash is null) return PaperPasswordCheck.Accepted;
        var now = clock.GetUtcNow();
        var row = await db.Set<PaperPasswordFailure>().FirstOrDefaultAsync(f => f.PaperId == paper.Id && f.UserId == userId, ct);
        if (row?.LockedUntil > now) return PaperPasswordCheck.Locked;

        if (PaperAccess.PasswordMatches(paper, password))
        {
            if (row is not null) await db.Set<PaperPasswordFailure>().Where(f => f.PaperId == paper.Id && f.UserId == userId).ExecuteDeleteAsync(ct);
            return PaperPasswordCheck.Accepted;
        }
        if (row is null)
        {
            row = new PaperPasswordFailure { PaperId = paper.Id, UserId = userId };
            db.Add(row);
        }
        row.Failures = row.LockedUntil is null ? row.Failures + 1 : 1; // a lock that ran out starts a new count
        row.LastFailureAt = now;
        row.LockedUntil = null;
        if (row.Failures >= MaxFailures)
        {
            row.Failures = 0;
            row.LockedUntil = now + LockDuration;
        }
        // A simultaneous wrong guess may insert the row first (the key decides): that guess counted, this one is dropped.
        await db.TrySaveChangesAsync(ct);
        return row.LockedUntil is not null ? PaperPasswordCheck.Locked : PaperPasswordCheck.Wrong;
    }
}
