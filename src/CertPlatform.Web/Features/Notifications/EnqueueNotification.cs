using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Notifications;

/// <summary>
/// Puts one notification in the outbox: rendered from its template now, sent later by <see cref="OutboxDispatcher"/>.
/// At most once per dedupe key (unique index: a concurrent scanner's insert loses and reports <see cref="EnqueueNotificationOutcome.AlreadyEnqueued"/>);
/// non-essential kinds are skipped for users who opted out.
/// </summary>
public sealed class EnqueueNotification(AppDbContext db, NotificationTemplates templates, TimeProvider clock)
{
    public async Task<EnqueueNotificationOutcome> RunAsync(NotificationRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Recipient.Email)) return EnqueueNotificationOutcome.NoAddress;
        if (await db.OutboxMessages.AnyAsync(m => m.DedupeKey == request.DedupeKey, ct)) return EnqueueNotificationOutcome.AlreadyEnqueued;
        if (!NotificationKind.IsEssential(request.Kind) &&
            await db.NotificationPreferences.AnyAsync(p => p.UserId == request.Recipient.UserId && p.OptOutNonEssential, ct))
            return EnqueueNotificationOutcome.OptedOut;
        var (subject, body) = templates.Get(request.Template).Render(request.Values);
        var now = clock.GetUtcNow();
        var message = new OutboxMessage
        {
            Kind = request.Kind, DedupeKey = request.DedupeKey, UserId = request.Recipient.UserId,
            ToAddress = request.Recipient.Email.Trim(), ToName = Clip(request.Recipient.Name, 100),
            Subject = Clip(subject, 300), TextBody = body, HtmlBody = MailHtml.FromText(body),
            AttachmentCertificateId = request.AttachmentCertificateId, AttachmentName = request.AttachmentName,
            Status = OutboxStatus.Pending, NextAttemptAt = now, CreatedAt = now,
        };
        db.OutboxMessages.Add(message);
        try
        {
            await db.SaveChangesAsync(ct);
            return EnqueueNotificationOutcome.Enqueued;
        }
        catch (DbUpdateException)
        {
            db.Entry(message).State = EntityState.Detached;
            // Another scanner or instance inserted the same key between our check and our insert.
            if (await db.OutboxMessages.AnyAsync(m => m.DedupeKey == request.DedupeKey, ct)) return EnqueueNotificationOutcome.AlreadyEnqueued;
            throw;
        }
    }

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];
}
