namespace CertPlatform.Web.Data;

/// <summary>The last certificate number used in a year.</summary>
public sealed class CertificateSequence
{
    public int Year { get; set; }
    public int Last { get; set; }
}
