using CertPlatform.IntegrationTests.Features.Exams;
using CertPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace CertPlatform.IntegrationTests.Infrastructure.Telemetry;

/// <summary>
/// A request the client (or nginx, after its proxy timeout) gives up on while the server still works on it ends with
/// an <see cref="OperationCanceledException"/> from <c>RequestAborted</c>. The request's log summary must say 499 at
/// information level, not "responded 500" at error level, and nothing else is logged as an error.
/// </summary>
[Collection(SerilogStaticLogger.Name)]
public sealed class AbortedRequestLoggingTests : IDisposable
{
    private const string SlowPath = "/test-only/slow";
    private readonly CapturingLogSink _sink = new();
    private readonly AppFactory _factory;

    /// <summary>A slow endpoint at the end of the app's pipeline (reached only when no route matched): it waits until the client leaves.</summary>
    private sealed class SlowEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use(async (HttpContext context, RequestDelegate n) =>
            {
                if (context.Request.Path != SlowPath) { await n(context); return; }
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            });
        };
    }

    public AbortedRequestLoggingTests() =>
        _factory = new AppFactory()
            .With("Serilog:MinimumLevel:Default", "Information")
            .WithServices(s => s.AddSingleton<ILogEventSink>(_sink).AddSingleton<IStartupFilter, SlowEndpoint>());

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_request_the_client_abandoned_is_logged_as_499_at_information_level()
    {
        var client = _factory.NewClient();
        using var patience = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync(SlowPath, patience.Token));

        bool IsSummary(LogEvent e) => CapturingLogSink.Text(e, "RequestPath") == SlowPath && e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal);
        for (var i = 0; i < 100 && !_sink.Events.Any(IsSummary); i++) await Task.Delay(50);
        var summary = Assert.Single(_sink.Events, IsSummary);
        Assert.Equal(ClientAbortedRequests.StatusClientClosedRequest.ToString(System.Globalization.CultureInfo.InvariantCulture), CapturingLogSink.Text(summary, "StatusCode"));
        Assert.Equal(LogEventLevel.Information, summary.Level);
        Assert.DoesNotContain(_sink.Events, e => e.Level >= LogEventLevel.Error && CapturingLogSink.Text(e, "RequestPath") == SlowPath);
    }
}
