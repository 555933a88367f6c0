using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CertPlatform.BrowserTests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel listener (127.0.0.1, free port) so a real browser can reach it.
/// Environment "Development" keeps the auth cookie usable over plain http.
/// </summary>
public sealed class KestrelAppFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public KestrelAppFactory(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    /// <summary>Starts Kestrel and returns its address, e.g. http://127.0.0.1:41234.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("Kestrel reported no http address: " + string.Join(", ", addresses ?? []));
        return new Uri(address);
    }
}
