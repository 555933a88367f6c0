using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CertPlatform.Web.Infrastructure.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry.Exporter;

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

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    public MetricsEndpointTests() =>
        _factory = new AppFactory().With("Metrics:AllowedNetworks:0", "10.1.0.0/16")
            .WithServices(s => s.AddSingleton<IStartupFilter, ClientAddress>().AddSingleton<TimeProvider>(_clock)
                // The exporter answers scrapes within 300 ms (real time) from its last response; here every scrape reads anew.
                .Configure<PrometheusAspNetCoreOptions>(o => o.ScrapeResponseCacheDurationMilliseconds = 0));

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

    /// <summary>
    /// The names docs/deploy.md lists, with values that follow what happened: an autosave (latency histogram, the
    /// writer's batch size), a passed certification (certificates issued), the attempt open now (attempts in progress,
    /// a database count cached for 5 s: still 1 just after the submit, 0 once the cache is older than that). A second
    /// host in the same process with two attempts of its own open must not show in this host's figures (OpenTelemetry
    /// listens to meters of the same name in every host of the process; the app drops the other hosts' instruments).
    /// </summary>
    [Fact]
    public async Task The_documented_platform_metrics_follow_autosaves_attempts_and_issued_certificates()
    {
        _from = IPAddress.Loopback;
        using var other = new AppFactory().WithServices(s => s.AddSingleton<IStartupFilter, ClientAddress>());
        foreach (var n in new[] { 1, 2 })
            await ExamScenario.StartAsync(await other.NewTraineeClientAsync($"metrics-other{n}@demo.local"), "mock-part2");
        Assert.Equal(2, Sum(await ScrapeAsync(other), "certplatform_attempts_in_progress"));

        var trainee = await _factory.NewTraineeClientAsync("metrics@demo.local");
        await _factory.ACertificate(trainee);
        var open = await ExamScenario.StartAsync(trainee, "mock-part2");
        Assert.Equal(HttpStatusCode.OK, (await trainee.SaveAsync(open, 0, new { selected = new[] { 1 } }, 1, baseSeq: 0)).StatusCode);

        var text = await ScrapeAsync(_factory);
        Assert.True(Sum(text, "certplatform_autosave_duration_milliseconds_count") >= 1, text);
        Assert.True(Sum(text, "certplatform_autosave_duration_milliseconds_bucket") >= 1);
        Assert.True(Sum(text, "certplatform_autosave_batch_size_count") >= 1);
        Assert.True(Sum(text, "certplatform_autosave_batch_size_sum") >= 1);
        Assert.Equal(1, Sum(text, "certplatform_certificates_issued_total"));
        Assert.Equal(1, Sum(text, "certplatform_attempts_in_progress"));
        Assert.Equal(0, Sum(text, "certplatform_autosave_queue_depth"));
        Assert.True(Sum(text, "http_server_request_duration_seconds_count") >= 3);

        await ExamScenario.SubmitAsync(trainee, open);
        Assert.Equal(1, Sum(await ScrapeAsync(_factory), "certplatform_attempts_in_progress")); // the count cached for 5 s
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, Sum(await ScrapeAsync(_factory), "certplatform_attempts_in_progress"));
        Assert.Equal(2, Sum(await ScrapeAsync(other), "certplatform_attempts_in_progress"));
    }

    private static async Task<string> ScrapeAsync(AppFactory factory)
    {
        var response = await factory.NewClient().GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The sum of every sample of <paramref name="name"/> (all label sets) in Prometheus text; fails when there is none.</summary>
    private static double Sum(string text, string name)
    {
        var samples = Regex.Matches(text, $@"^{Regex.Escape(name)}(?:\{{[^}}]*\}})? (\S+)", RegexOptions.Multiline);
        Assert.True(samples.Count > 0, $"no {name} in the scrape");
        return samples.Sum(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
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
