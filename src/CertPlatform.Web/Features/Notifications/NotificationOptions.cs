namespace CertPlatform.Web.Features.Notifications;

/// <summary>Configuration section "Notifications" (e-mail through an outbox).</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";
    /// <summary>Unset: on exactly when <c>Notifications:Smtp:Host</c> is configured (so a bare `dotnet run` sends nothing).</summary>
    public bool? Enabled { get; set; }
    public NotificationSmtpOptions Smtp { get; set; } = new();
    public string FromAddress { get; set; } = "";
    public string FromName { get; set; } = "CertPlatform 培训认证平台";
    /// <summary>Folder with the mail templates; empty: notifications/ inside the content folder.</summary>
    public string TemplatesPath { get; set; } = "";
    /// <summary>How often the scanner looks for certificates issued, revoked or expiring and for exams assigned or opening.</summary>
    public int ScanSeconds { get; set; } = 300;
    /// <summary>How often the dispatcher sends due messages.</summary>
    public int DispatchSeconds { get; set; } = 15;
    /// <summary>Attempts before a message is marked failed (back-off 1, 2, 4 … minutes, at most an hour apart).</summary>
    public int MaxAttempts { get; set; } = 10;
    /// <summary>Issued/revoked certificates and opened exam windows older than this are not announced (first deployment on an old database).</summary>
    public int LookbackDays { get; set; } = 3;
    /// <summary>Run the scanner and dispatcher loops in this instance (any number of instances may: rows are claimed).</summary>
    public bool RunBackgroundLoops { get; set; } = true;

    public bool IsEnabled => Enabled ?? !string.IsNullOrWhiteSpace(Smtp.Host);
}
