using CertPlatform.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>Questions in the bank flagged by the item-writing lint (<c>/bank/lint</c>).</summary>
[Authorize(Roles = Roles.Examiner + "," + Roles.Admin)]
[Route("bank/lint")]
public sealed class BankLintController(BankLint lint) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? rule, CancellationToken ct) => View(await lint.RunAsync(rule, ct));
}
