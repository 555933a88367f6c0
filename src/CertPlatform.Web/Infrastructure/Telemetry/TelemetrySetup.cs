using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace CertPlatform.Web.Infrastructure.Telemetry;

public static class TelemetrySetup
{
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<MetricsOptions>().Bind(config.GetSection(MetricsOptions.Section))
            .Validate(o => o.Path.StartsWith('/'), $"{MetricsOptions.Section}:{nameof(MetricsOptions.Path)} must start with '/'")
            .Validate(o => o.AllowedNetworks.All(n => IPNetwork.TryParse(n, out _)),
                $"{MetricsOptions.Section}:{nameof(MetricsOptions.AllowedNetworks)} must be CIDR networks such as 10.0.0.0/8")
            .ValidateOnStart();
        services.AddSingleton<CertPlatformMetrics>();
        services.AddSingleton<AttemptsInProgressGauge>();
        services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(CertPlatformMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        services.ConfigureOpenTelemetryMeterProvider((sp, metrics) => metrics.AddView(OnlyThisHost(sp.GetRequiredService<IMeterFactory>())));
        return services;
    }

    /// <summary>
    /// A meter provider listens to every meter of a name it was given in the whole process, whichever host's
    /// <see cref="IMeterFactory"/> created it. Two hosts in one process (the integration tests, or any process that
    /// builds a second host) would then report each other's counters and gauges as one series — a gauge's value from
    /// whichever callback ran last. This view drops instruments of meters another host's factory created; process-wide
    /// meters (the runtime's, created without a factory) stay.
    /// </summary>
    public static Func<Instrument, MetricStreamConfiguration?> OnlyThisHost(IMeterFactory own) => instrument =>
        instrument.Meter.Scope is IMeterFactory factory && !ReferenceEquals(factory, own) ? MetricStreamConfiguration.Drop : null;

    public static void UseMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (!options.Enabled) return;
        var metrics = app.Services.GetRequiredService<CertPlatformMetrics>();
        var inProgress = app.Services.GetRequiredService<AttemptsInProgressGauge>();
        metrics.Gauge("certplatform.attempts.in_progress", "{attempt}", "Exam attempts in progress (whole database).", inProgress.Read);
        var allowed = options.AllowedNetworks.Select(n => IPNetwork.Parse(n)).ToList();
        // Middleware rather than an endpoint: a request that may not scrape falls through to routing and gets 404.
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == options.Path && MayScrape(context.Connection.RemoteIpAddress, allowed));
    }

    public static bool MayScrape(IPAddress? from, IReadOnlyList<IPNetwork> allowed)
    {
        if (from is null) return false;
        if (from.IsIPv4MappedToIPv6) from = from.MapToIPv4();
        return IPAddress.IsLoopback(from) || allowed.Any(n => n.Contains(from));
    }
}
