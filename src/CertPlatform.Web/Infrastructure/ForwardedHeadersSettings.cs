using System.Net;

namespace CertPlatform.Web.Infrastructure;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> headers are believed
/// (configuration section <c>ForwardedHeaders</c>). Empty lists mean no proxy: the headers are ignored
/// and the connection's own address is the client's.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";
    /// <summary>IP addresses of trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];
    /// <summary>Networks of trusted proxies in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool Any => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    /// <summary>The first entry that does not parse, as a message naming the configuration key; null when all parse.</summary>
    public string? FirstProblem()
    {
        for (var i = 0; i < KnownProxies.Count; i++)
            if (!IPAddress.TryParse(KnownProxies[i], out _))
                return $"{Section}:KnownProxies:{i} is '{KnownProxies[i]}', which is not an IP address";
        for (var i = 0; i < KnownNetworks.Count; i++)
            if (!IPNetwork.TryParse(KnownNetworks[i], out _))
                return $"{Section}:KnownNetworks:{i} is '{KnownNetworks[i]}', which is not a network in CIDR notation (e.g. 10.0.0.0/24)";
        return null;
    }
}
