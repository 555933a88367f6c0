using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Notifications;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Notifications;

/// <summary>
/// Sends due outbox messages. Each row is first claimed with a conditional update (status pending, due, not held by
/// another dispatcher), so two dispatchers — two loops or two instances — never send the same message; only the
/// claimant records the outcome. A failure is retried with exponential back-off (<see cref="RetrySchedule"/>) and
/// given up after Notifications:MaxAttempts, or at once when the server refuses the recipient for good (5xx).
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, SmtpMailSender sender, TimeProvider clock,
    IOptions<NotificationOptions> options, ILogger<OutboxDispatcher> log) : BackgroundService
{
    /// <summary>How long a claim holds a row: after a crash mid-send the row becomes due again after this.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private const int Batch = 50;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        return !o.IsEnabled || !o.RunBackgroundLoops ? Task.CompletedTask
            : PeriodicLoop.RunAsync(DispatchDueAsync, TimeSpan.FromSeconds(o.DispatchSeconds), clock, log, "Sending notifications", stoppingToken);
    }

    /// <summary>Tries every due message once; returns how many were delivered.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<long> due;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            due = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
                .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => m.Id).Take(Batch).ToListAsync(ct);
        }
        var sent = 0;
        foreach (var id in due)
            if (await SendOneAsync(id, ct)) sent++;
        return sent;
    }

    /// <summary>Claims and sends one message; false when another dispatcher holds it, it is not due, or sending failed.</summary>
    public async Task<bool> SendOneAsync(long id, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var token = Guid.NewGuid().ToString("N");
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, token).SetProperty(m => m.NextAttemptAt, now + Lease)
                .SetProperty(m => m.LastAttemptAt, now), ct);
        if (claimed == 0) return false;
        var message = await db.OutboxMessages.AsNoTracking().FirstAsync(m => m.Id == id, ct);
        try
        {
            var attachment = message.AttachmentCertificateId is { } cid
                ? await db.CertificateFiles.Where(f => f.CertificateId == cid).Select(f => f.Bytes).FirstOrDefaultAsync(ct)
                  ?? throw new InvalidOperationException($"certificate {cid} has no stored PDF")
                : null;
            await sender.SendAsync(message, attachment, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var attempts = message.Attempts + 1;
            var permanent = e is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } s && (int)s.StatusCode >= 500;
            var giveUp = permanent || RetrySchedule.GiveUp(attempts, options.Value.MaxAttempts);
            var next = clock.GetUtcNow() + RetrySchedule.Delay(attempts);
            var error = $"{e.GetType().Name}: {e.Message}";
            if (error.Length > 1000) error = error[..1000];
            await db.OutboxMessages.Where(m => m.Id == id && m.ClaimToken == token)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.Status, giveUp ? OutboxStatus.Failed : OutboxStatus.Pending)
                    .SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.ClaimToken, (string?)null), CancellationToken.None);
            log.LogWarning("Mail {Id} ({Kind}) to {To} failed (attempt {Attempts}){GiveUp}: {Error}", id, message.Kind, message.ToAddress, attempts,
                giveUp ? ", given up" : "", error);
            return false;
        }
        await db.OutboxMessages.Where(m => m.Id == id && m.ClaimToken == token)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAt, clock.GetUtcNow())
                .SetProperty(m => m.Attempts, message.Attempts + 1).SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.ClaimToken, (string?)null), CancellationToken.None);
        return true;
    }
}
