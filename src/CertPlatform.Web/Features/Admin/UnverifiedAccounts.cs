using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Admin;

/// <summary>Self-registered accounts not yet confirmed, oldest first.</summary>
public sealed class UnverifiedAccounts(AppDbContext db)
{
    public const int Limit = 500;

    public async Task<IReadOnlyList<UnverifiedAccount>> ListAsync(CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Where(u => !u.IsVerified && u.IsActive)
            .Select(u => new { u.Id, u.FullName, u.EmployeeNumber, u.Organization, u.Department, u.Email, u.CreatedAt })
            .ToListAsync(ct);
        // Ordered here: SQLite stores DateTimeOffset as a number the provider can order, PostgreSQL natively; keep one code path.
        return users.OrderBy(u => u.CreatedAt).Take(Limit)
            .Select(u => new UnverifiedAccount(u.Id, u.FullName, u.EmployeeNumber, u.Organization, u.Department, u.Email ?? "", u.CreatedAt)).ToList();
    }
}
