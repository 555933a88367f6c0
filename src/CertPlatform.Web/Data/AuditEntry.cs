namespace CertPlatform.Web.Data;

/// <summary>Who did what, when: administrative and record-keeping actions.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public required string Action { get; set; }
    public string Target { get; set; } = "";
    public string Details { get; set; } = "";
}
