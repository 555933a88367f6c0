namespace CertPlatform.Web.Features.Admin;

/// <summary>The administrator's form for a certification programme.</summary>
public sealed class ProgrammeForm
{
    public bool IsNew { get; set; }
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Title { get; set; } = "";
    public string Level { get; set; } = "";
    public int ValidityMonths { get; set; } = 36;
    public string Template { get; set; } = "template.yaml";
    public string Description { get; set; } = "";
    public string Criteria { get; set; } = "";
}
