namespace CertPlatform.Web.Infrastructure;

public sealed class ContentOptions
{
    public const string Section = "Content";
    /// <summary>Folder holding curriculum.yaml; relative to the content root. Empty: look for ./content upwards.</summary>
    public string? Path { get; set; }
}
