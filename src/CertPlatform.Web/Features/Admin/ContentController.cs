using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CertPlatform.Web.Features.Admin;

[Authorize(Roles = Roles.Admin + "," + Roles.Examiner)]
[Route("admin/content")]
public sealed class ContentController(ContentCatalog catalog) : Controller
{
    [HttpGet("")]
    public IActionResult Index() =>
        View(catalog.Report());
}
