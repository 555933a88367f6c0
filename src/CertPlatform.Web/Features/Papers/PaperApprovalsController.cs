using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Certificates;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Papers;

/// <summary>Second-person approval of certification paper versions (Admin, CertificationManager).</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.CertificationManager)]
[Route("papers/approvals")]
public sealed class PaperApprovalsController(PaperApprovals approvals, IStringLocalizer<SharedResource> L) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(new PaperApprovalsModel(await approvals.ListAsync(ct), null));

    /// <summary>Approves <paramref name="version"/> of the paper: refused for an author, an outdated version or a paper that is not a certification paper.</summary>
    [HttpPost("{id}")]
    public async Task<IActionResult> Approve(string id, int version, [FromServices] ApprovePaper approve, CancellationToken ct)
    {
        var outcome = await approve.RunAsync(id, version, User, ct);
        if (outcome == PaperApprovalOutcome.Approved)
        {
            TempData["Flash"] = L["已审批试卷 {0} 的版本 v{1}", id, version].Value;
            return Redirect($"/papers/approvals#paper-{id}");
        }
        if (outcome == PaperApprovalOutcome.UnknownPaper) return NotFound();
        var (status, message) = outcome switch
        {
            PaperApprovalOutcome.ApproverIsAuthor => (StatusCodes.Status403Forbidden, L["您编写过试卷 {0}，不能审批它：审批须由另一人完成", id]),
            PaperApprovalOutcome.StaleVersion => (StatusCodes.Status409Conflict, L["试卷 {0} 已改为新版本，请审阅当前版本后再审批（您提交的是 v{1}）", id, version]),
            PaperApprovalOutcome.AlreadyApproved => (StatusCodes.Status409Conflict, L["试卷 {0} 的版本 v{1} 已经审批过", id, version]),
            PaperApprovalOutcome.NoProgramme => (StatusCodes.Status400BadRequest, L["试卷 {0} 没有选择认证项目，不能审批", id]),
            _ => (StatusCodes.Status400BadRequest, L["试卷 {0} 不是认证试卷，不需要审批", id]),
        };
        var view = View("Index", new PaperApprovalsModel(await approvals.ListAsync(ct), message.Value));
        view.StatusCode = status;
        return view;
    }
}
