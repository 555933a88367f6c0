using System.Security.Cryptography;
using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>
/// Analysed uploads kept in the database for an hour under an unguessable token, bound to the examiner who
/// uploaded them, so the result page can offer its exports from any instance. The file is kept, not the figures:
/// they are computed again from it (the same file gives the same report). Expired uploads are deleted whenever
/// another is kept, and are never found.
/// </summary>
public sealed class UploadedMatrices(AppDbContext db, TimeProvider clock, IOptions<AnalyticsOptions> options)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public async Task<string> KeepAsync(string userId, string fileName, byte[] content, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.UploadedMatrices.Where(m => m.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        db.UploadedMatrices.Add(new UploadedMatrix { Token = token, UserId = userId, FileName = fileName, Content = content, CreatedAt = now, ExpiresAt = now + Lifetime });
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>The report of an upload of <paramref name="userId"/> that has not expired, or null.</summary>
    public async Task<StatisticsReport?> FindAsync(string userId, string token, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var kept = await db.UploadedMatrices.AsNoTracking().FirstOrDefaultAsync(m => m.Token == token && m.UserId == userId && m.ExpiresAt > now, ct);
        if (kept is null) return null;
        var matrix = MatrixFile.Parse(kept.FileName, kept.Content).Matrix;
        return matrix is null ? null : UploadStatistics.Analyse(Path.GetFileName(kept.FileName), matrix, options.Value.Flags);
    }
}
