using CertPlatform.Web.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CertPlatform.Web.Features.Notifications;

/// <summary>Sends one outbox message over SMTP with MailKit (text and HTML parts, optional PDF attachment).</summary>
public sealed class SmtpMailSender(IOptions<NotificationOptions> options)
{
    public async Task SendAsync(OutboxMessage m, byte[]? attachment, CancellationToken ct)
    {
        var o = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(o.FromName, o.FromAddress));
        message.To.Add(new MailboxAddress(m.ToName, m.ToAddress));
        message.Subject = m.Subject;
        // Stable per outbox row: a receiver that sees the same message twice (a crash between sending and recording) can tell.
        message.MessageId = $"outbox-{m.Id}-{m.CreatedAt.ToUnixTimeMilliseconds()}@{o.FromAddress[(o.FromAddress.LastIndexOf('@') + 1)..].TrimEnd('>')}";
        var body = new BodyBuilder { TextBody = m.TextBody, HtmlBody = m.HtmlBody };
        if (attachment is not null) body.Attachments.Add(m.AttachmentName ?? "attachment.pdf", attachment, new ContentType("application", "pdf"));
        message.Body = body.ToMessageBody();

        using var client = new SmtpClient { Timeout = o.Smtp.TimeoutSeconds * 1000 };
        await client.ConnectAsync(o.Smtp.Host, o.Smtp.Port, Enum.Parse<SecureSocketOptions>(o.Smtp.Security, ignoreCase: true), ct);
        if (o.Smtp.Username.Length > 0) await client.AuthenticateAsync(o.Smtp.Username, o.Smtp.Password, ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
