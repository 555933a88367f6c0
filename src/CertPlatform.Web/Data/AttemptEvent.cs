namespace CertPlatform.Web.Data;

/// <summary>Something that happened during an attempt worth an examiner's look (focus lost, tab hidden…).</summary>
public sealed class AttemptEvent
{
    public long Id { get; set; }
    public required string AttemptId { get; set; }
    public required string Kind { get; set; }
    public DateTimeOffset At { get; set; }
    public string Detail { get; set; } = "";
}
