using CertPlatform.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Admin;

[Authorize(Roles = Roles.Admin)]
[Route("admin/audit")]
public sealed class AuditController(AppDbContext db) : Controller
{
    private const int PageSize = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1, [FromQuery(Name = "action")] string? actionFilter = null, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        // Bound from the query only: "action" is also a route value (the action method's name).
        var action = string.IsNullOrWhiteSpace(actionFilter) ? null : actionFilter.Trim();
        var query = db.AuditEntries.AsNoTracking();
        // Exact action ("certificate.revoked"), or a prefix ending in a dot ("certificate." = every certificate action).
        if (action is not null) query = action.EndsWith('.') ? query.Where(a => a.Action.StartsWith(action)) : query.Where(a => a.Action == action);
        var rows = await query.OrderByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        return View(new AuditPageModel(rows.Take(PageSize).ToList(), page, rows.Count > PageSize, action));
    }
}
