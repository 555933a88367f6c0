using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Accounts;
using CertPlatform.Web.Features.Certificates;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Admin;

/// <summary>Self-registered accounts not yet confirmed, oldest first, with imported records that contradict them and held passes.</summary>
public sealed class UnverifiedAccounts(AppDbContext db, HeldCertificates held)
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

    public async Task<VerificationPage> PageAsync(CancellationToken ct)
    {
        var accounts = await ListAsync(ct);
        var numbers = accounts.Select(a => a.EmployeeNumber).OfType<string>().ToList();
        var records = new List<EmployeeRecord>();
        foreach (var chunk in numbers.Chunk(500))
            records.AddRange(await db.EmployeeRecords.AsNoTracking().Where(r => chunk.Contains(r.EmployeeNumber)).ToListAsync(ct));
        var byNumber = records.ToDictionary(r => r.EmployeeNumber, StringComparer.OrdinalIgnoreCase);
        var mismatches = accounts
            .Select(a => (Account: a, Record: a.EmployeeNumber is { } n ? byNumber.GetValueOrDefault(n) : null))
            .Where(x => x.Record is not null && EmployeeMatch.Compare(x.Account.EmployeeNumber, x.Account.FullName, x.Account.Organization,
                x.Record.EmployeeNumber, x.Record.FullName, x.Record.Organization) == EmployeeMatchOutcome.Mismatch)
            .Select(x => new EmployeeMismatch(x.Account, x.Record!.FullName, x.Record.Organization, x.Record.FileName)).ToList();
        return new VerificationPage(accounts, mismatches, await held.ListAsync(null, ct));
    }
}
