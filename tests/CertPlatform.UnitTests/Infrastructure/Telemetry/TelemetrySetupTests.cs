using System.Diagnostics.Metrics;
using CertPlatform.Web.Infrastructure.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace CertPlatform.UnitTests.Infrastructure.Telemetry;

public sealed class TelemetrySetupTests
{
    private static IMeterFactory NewFactory() => new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    [Fact]
    public void The_view_keeps_this_hosts_and_process_wide_instruments_and_drops_another_hosts()
    {
        var own = NewFactory();
        var other = NewFactory();
        var view = TelemetrySetup.OnlyThisHost(own);

        var mine = own.Create(CertPlatformMetrics.MeterName).CreateCounter<long>("certplatform.certificates.issued");
        var theirs = other.Create(CertPlatformMetrics.MeterName).CreateCounter<long>("certplatform.certificates.issued");
        using var processWide = new Meter("System.Runtime.Test");
        var runtime = processWide.CreateCounter<long>("gc.collections");

        Assert.Null(view(mine));
        Assert.Null(view(runtime));
        Assert.Same(MetricStreamConfiguration.Drop, view(theirs));
    }
}
