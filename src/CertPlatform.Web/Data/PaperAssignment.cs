namespace CertPlatform.Web.Data;

/// <summary>Who an "assigned" paper is for: an organisation, a department (within an organisation or any) or one trainee.</summary>
public sealed class PaperAssignment
{
    public long Id { get; set; }
    public required string PaperId { get; set; }
    /// <summary>organization, department or user.</summary>
    public required string Kind { get; set; }
    /// <summary>Organisation or department name, or the user's id.</summary>
    public required string Value { get; set; }
}
