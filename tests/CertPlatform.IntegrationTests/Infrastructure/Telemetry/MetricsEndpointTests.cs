using System.Net;
using CertPlatform.Web.Infrastructure.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CertPlatform.IntegrationTests.Infrastructure.Telemetry;

public sealed class MetricsEndpointTests : IDisposable
{
    private readonly AppFactory _factory;
    private static IPAddress _from = IPAddress.Loopback;

    /// <summary>The in-process test server has no client address: this sets one, as Kestrel would.</summary>
    private sealed class ClientAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate n) => { context.Connection.RemoteIpAddress = _from; return n(context); });
            next(app);
        };
    }

    public MetricsEndpointTests() =>
        _factory = new AppFactory().With("Metrics:AllowedNetworks:0", "10.1.0.0/16")
            .WithServices(s => s.AddSingleton<IStartupFilter, ClientAddress>());

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Prometheus_metrics_are_served_to_loopback_and_allowed_networks_only()
    {
        var client = _factory.NewClient();
        await client.GetAsync("/account/login"); // some HTTP traffic to count
        _from = IPAddress.Loopback;
        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("certplatform_attempts_in_progress", text);
        Assert.Contains("certplatform_autosave_queue_depth", text);
        Assert.Contains("http_server_request_duration_seconds", text);
        Assert.Contains("dotnet_gc_", text);

        _from = IPAddress.Parse("10.1.2.3");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/metrics")).StatusCode);
        _from = IPAddress.Parse("203.0.113.9");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
        _from = IPAddress.Loopback;
    }

    [Fact]
    public void Scrape_permission_handles_mapped_addresses_and_refuses_unknown_clients()
    {
        var allowed = new[] { IPNetwork.Parse("10.1.0.0/16") };
        Assert.True(TelemetrySetup.MayScrape(IPAddress.Parse("::ffff:10.1.9.9"), allowed));
        Assert.True(TelemetrySetup.MayScrape(IPAddress.IPv6Loopback, allowed));
        Assert.False(TelemetrySetup.MayScrape(IPAddress.Parse("10.2.0.1"), allowed));
        Assert.False(TelemetrySetup.MayScrape(null, allowed));
    }
}
