using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Exams;
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

    /// <summary>Null when the paper has no password or the password is right; otherwise why not.</summary>
    public async Task<PaperPasswordRefusal?> CheckAsync(Paper paper, string userId, string? password, CancellationToken ct)
    {
        if (paper.AccessPasswordHash is null) return null;
        var now = clock.GetUtcNow();
        var row = await db.Set<PaperPasswordFailure>().FirstOrDefaultAsync(f => f.PaperId == paper.Id && f.UserId == userId, ct);
        if (row?.LockedUntil > now) return Locked;

        if (PaperAccess.PasswordMatches(paper, password))
        {
            if (row is not null) await db.Set<PaperPasswordFailure>().Where(f => f.PaperId == paper.Id && f.UserId == userId).ExecuteDeleteAsync(ct);
            return null;
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
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // a simultaneous wrong guess wrote the row first; that one counted
        }
        return row.LockedUntil is not null ? Locked : Wrong;
    }

    private static readonly PaperPasswordRefusal Wrong = new(StatusCodes.Status403Forbidden, "考试密码不正确。");
    private static readonly PaperPasswordRefusal Locked = new(StatusCodes.Status429TooManyRequests,
        $"考试密码输错次数过多，已暂时锁定，请 {(int)LockDuration.TotalMinutes} 分钟后再试。");
}
