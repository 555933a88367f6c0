using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Admin;

/// <summary>The audit trail for administrators, newest first, a page at a time, optionally one action or a family of actions.</summary>
public sealed class AuditQueries(AppDbContext db)
{
    public const int PageSize = 100;

    /// <param name="action">An exact action (one of <see cref="AuditActions.All"/>), or a family prefix ending in a dot (<see cref="AuditActions.Families"/>: "certificate." = every certificate action).</param>
    public async Task<AuditPageModel> PageAsync(int page, string? action, CancellationToken ct)
    {
        page = Math.Max(1, page);
        action = string.IsNullOrWhiteSpace(action) ? null : action.Trim();
        var query = db.AuditEntries.AsNoTracking();
        if (action is not null) query = action.EndsWith('.') ? query.Where(a => a.Action.StartsWith(action)) : query.Where(a => a.Action == action);
        var rows = await query.OrderByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        return new AuditPageModel(rows.Take(PageSize).ToList(), page, rows.Count > PageSize, action);
    }
}
