using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Certificates;

/// <summary>A trainee's own certificates (status now, verification address, the number each one replaced) and a certificate's number.</summary>
public sealed class CertificateQueries(AppDbContext db, IOptions<CertificateOptions> options, TimeProvider clock)
{
    /// <summary>The user's certificates, newest first.</summary>
    public async Task<IReadOnlyList<MyCertificate>> MineAsync(string userId, CancellationToken ct)
    {
        var mine = await db.Certificates.AsNoTracking().Where(c => c.UserId == userId).OrderByDescending(c => c.IssuedAt).ToListAsync(ct);
        var numbers = mine.ToDictionary(c => c.Id, c => c.Number);
        var now = clock.GetUtcNow();
        return mine.Select(c => new MyCertificate(c, c.EffectiveStatus(now), options.Value.VerificationUrl(c.VerificationCode),
            c.PreviousCertificateId is { } p ? numbers.GetValueOrDefault(p) : null)).ToList();
    }

    /// <summary>The certificate's number; null when there is no such certificate.</summary>
    public Task<string?> NumberAsync(string id, CancellationToken ct) =>
        db.Certificates.Where(c => c.Id == id).Select(c => c.Number).FirstOrDefaultAsync(ct);
}
