namespace CertPlatform.Web.Infrastructure.Telemetry;

/// <summary>Configuration section "Metrics": the Prometheus scraping endpoint.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";
    public bool Enabled { get; set; } = true;
    /// <summary>Path of the Prometheus text endpoint.</summary>
    public string Path { get; set; } = "/metrics";
    /// <summary>
    /// Networks (CIDR, e.g. 10.0.0.0/8) besides loopback allowed to scrape. Everyone else gets 404:
    /// the figures (attempts in progress, load) are not for the public.
    /// </summary>
    public List<string> AllowedNetworks { get; set; } = [];
}
