namespace CertPlatform.Web.Data;

/// <summary>Where an <see cref="OutboxMessage"/> is: waiting (first try or a retry), delivered, or given up.</summary>
public static class OutboxStatus
{
    public const string Pending = "Pending";
    public const string Sent = "Sent";
    /// <summary>Given up after the configured number of attempts (or refused for good by the server); visible at /admin/outbox.</summary>
    public const string Failed = "Failed";
    public static readonly IReadOnlyList<string> All = [Pending, Sent, Failed];
}
