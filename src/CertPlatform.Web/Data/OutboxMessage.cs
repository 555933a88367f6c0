namespace CertPlatform.Web.Data;

/// <summary>
/// One e-mail waiting to be sent, sent, or given up on. Written in the same database as the event it reports,
/// so nothing is lost while the SMTP server is down; the dispatcher sends due rows and retries with back-off.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    /// <summary>What the mail is about (Features/Notifications/NotificationKind).</summary>
    public required string Kind { get; set; }
    /// <summary>Unique: the same event is enqueued for the same recipient at most once (e.g. certificate-expiring-30:{certificate}:{user}).</summary>
    public required string DedupeKey { get; set; }
    /// <summary>The recipient's account, when the mail is for a user.</summary>
    public string? UserId { get; set; }
    public required string ToAddress { get; set; }
    public string ToName { get; set; } = "";
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public required string HtmlBody { get; set; }
    /// <summary>Attach this certificate's stored PDF (read from CertificateFiles when sending, never copied).</summary>
    public string? AttachmentCertificateId { get; set; }
    public string? AttachmentName { get; set; }
    public required string Status { get; set; }
    /// <summary>Delivery attempts made so far.</summary>
    public int Attempts { get; set; }
    /// <summary>When the dispatcher may take the row next (also pushed ahead while a dispatcher holds it).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>Set by the dispatcher that claimed the row; only that dispatcher records the outcome.</summary>
    public string? ClaimToken { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}
