namespace CertPlatform.Web.Features.Notifications;

/// <summary>One notification to put in the outbox: kind, dedupe key, template with its values, and an optional certificate PDF.</summary>
public sealed record NotificationRequest(
    string Kind,
    string DedupeKey,
    string Template,
    MailRecipient Recipient,
    IReadOnlyDictionary<string, string> Values,
    string? AttachmentCertificateId = null,
    string? AttachmentName = null);
