using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace CertPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// A Serilog sink that keeps every record: register it as a service (<c>AddSingleton&lt;ILogEventSink&gt;</c>) and the
/// app's Serilog configuration writes to it. Hosts share Serilog's static logger, so classes that use it run in the
/// non-parallel collection <c>SerilogStaticLogger</c>.
/// </summary>
public sealed class CapturingLogSink : ILogEventSink
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();

    public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);

    /// <summary>A property's plain value as text (null when absent).</summary>
    public static string? Text(LogEvent e, string property) =>
        e.Properties.TryGetValue(property, out var value) && value is ScalarValue { Value: { } v } ? v.ToString() : null;
}
