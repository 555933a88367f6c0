using CertPlatform.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CertPlatform.Web.Features.Admin;

[Authorize(Roles = Roles.Admin)]
[Route("admin/audit")]
public sealed class AuditController(AuditQueries audit) : Controller
{
    // "action" is bound from the query only: it is also a route value (the action method's name).
    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1, [FromQuery(Name = "action")] string? actionFilter = null, CancellationToken ct = default) =>
        View(await audit.PageAsync(page, actionFilter, ct));
}
