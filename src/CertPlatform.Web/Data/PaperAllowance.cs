namespace CertPlatform.Web.Data;

/// <summary>Extra time for one trainee on one paper (e.g. an accessibility accommodation).</summary>
public sealed class PaperAllowance
{
    public required string PaperId { get; set; }
    public required string UserId { get; set; }
    public int ExtraMinutes { get; set; }
}
