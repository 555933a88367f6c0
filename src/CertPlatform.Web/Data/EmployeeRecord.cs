namespace CertPlatform.Web.Data;

/// <summary>
/// An employee as HR imported them (工号, name, organisation): self-registered accounts are verified against these
/// (see <see cref="Domain.Accounts.EmployeeMatch"/>). One row per 工号; a later import replaces it.
/// </summary>
public sealed class EmployeeRecord
{
    public long Id { get; set; }
    public required string EmployeeNumber { get; set; }
    public string FullName { get; set; } = "";
    public string Organization { get; set; } = "";
    public string Department { get; set; } = "";
    public DateTimeOffset ImportedAt { get; set; }
    public string FileName { get; set; } = "";
}
