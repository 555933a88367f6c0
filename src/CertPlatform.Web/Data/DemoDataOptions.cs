namespace CertPlatform.Web.Data;

public sealed class DemoDataOptions
{
    public const string Section = "DemoData";
    /// <summary>Create the demo accounts at start-up (on in Development by default).</summary>
    public bool Enabled { get; set; }
}
