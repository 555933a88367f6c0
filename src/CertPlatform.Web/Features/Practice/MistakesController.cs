using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CertPlatform.Web.Features.Practice;

/// <summary>错题本: the signed-in trainee's own open and cleared entries, and their weak topics.</summary>
[Authorize]
[Route("mistakes")]
public sealed class MistakesController(MistakeQueries queries) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await queries.NotebookAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct));
}
