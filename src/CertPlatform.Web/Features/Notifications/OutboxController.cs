using CertPlatform.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Notifications;

/// <summary>/admin/outbox: every notification with its status, attempts and last error; "retry now".</summary>
[Authorize(Roles = Roles.Admin)]
[Route("admin/outbox")]
public sealed class OutboxController(OutboxQueries outbox, IStringLocalizer<SharedResource> L) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? status, int page = 1, CancellationToken ct = default) =>
        View(await outbox.ListAsync(status, page, ct));

    [HttpPost("{id:long}/retry")]
    public async Task<IActionResult> Retry(long id, string? status, CancellationToken ct) =>
        await outbox.RetryNowAsync(id, ct) switch
        {
            RetryMessageOutcome.Retried => Redirect("/admin/outbox" + (string.IsNullOrEmpty(status) ? "" : "?status=" + Uri.EscapeDataString(status))),
            RetryMessageOutcome.NotFound => NotFound(L["没有该邮件"].Value),
            RetryMessageOutcome.AlreadySent => Conflict(L["该邮件已发送，无需重试"].Value),
            _ => Conflict(L["该邮件正在发送，请稍后再试"].Value),
        };
}
