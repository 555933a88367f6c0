using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Notifications;

/// <summary>The admin outbox list (newest first, filtered by status) and "retry now".</summary>
public sealed class OutboxQueries(AppDbContext db, TimeProvider clock)
{
    public const int PageSize = 100;

    public async Task<OutboxPage> ListAsync(string? status, int page, CancellationToken ct)
    {
        page = Math.Max(1, page);
        status = OutboxStatus.All.FirstOrDefault(s => string.Equals(s, status, StringComparison.OrdinalIgnoreCase));
        var query = db.OutboxMessages.AsNoTracking();
        if (status is not null) query = query.Where(m => m.Status == status);
        var rows = await query.OrderByDescending(m => m.Id).Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(m => new OutboxMessage
            {
                Id = m.Id, Kind = m.Kind, DedupeKey = m.DedupeKey, ToAddress = m.ToAddress, ToName = m.ToName, Subject = m.Subject,
                TextBody = "", HtmlBody = "", Status = m.Status, Attempts = m.Attempts, NextAttemptAt = m.NextAttemptAt,
                LastError = m.LastError, CreatedAt = m.CreatedAt, SentAt = m.SentAt, LastAttemptAt = m.LastAttemptAt,
                AttachmentName = m.AttachmentName,
            }).ToListAsync(ct);
        var counts = await db.OutboxMessages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return new OutboxPage(rows.Take(PageSize).ToList(), status, page, rows.Count > PageSize, counts);
    }

    /// <summary>Makes a pending or failed message due now (a failed one gets its full number of attempts again).</summary>
    public async Task<RetryMessageOutcome> RetryNowAsync(long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var heldUntil = now - OutboxDispatcher.Lease;
        // Not while a dispatcher may be sending it: that could deliver it twice.
        var updated = await db.OutboxMessages
            .Where(m => m.Id == id && m.Status != OutboxStatus.Sent && (m.ClaimToken == null || m.LastAttemptAt == null || m.LastAttemptAt <= heldUntil))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.Attempts, m => m.Status == OutboxStatus.Failed ? 0 : m.Attempts)
                .SetProperty(m => m.Status, OutboxStatus.Pending), ct);
        if (updated == 1) return RetryMessageOutcome.Retried;
        var status = await db.OutboxMessages.Where(m => m.Id == id).Select(m => m.Status).FirstOrDefaultAsync(ct);
        return status is null ? RetryMessageOutcome.NotFound : status == OutboxStatus.Sent ? RetryMessageOutcome.AlreadySent : RetryMessageOutcome.InFlight;
    }
}
