using CertPlatform.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Admin;

public sealed record AuditPageModel(IReadOnlyList<AuditEntry> Entries, int Page, bool HasMore);

[Authorize(Roles = Roles.Admin)]
[Route("admin/audit")]
public sealed class AuditController(AppDbContext db) : Controller
{
    private const int PageSize = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        var rows = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        return View(new AuditPageModel(rows.Take(PageSize).ToList(), page, rows.Count > PageSize));
    }
}
