namespace CertPlatform.Web.Data;

/// <summary>
/// An uploaded import waiting for confirmation: the parsed rows are kept server-side between the
/// preview and the commit so the administrator commits exactly what was previewed.
/// </summary>
public sealed class PendingImport
{
    public Guid Id { get; set; }
    public required string Kind { get; set; }
    public required string CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string FileName { get; set; } = "";
    public required string PayloadJson { get; set; }
}
