using Serilog.Events;

namespace CertPlatform.Web.Infrastructure.Telemetry;

/// <summary>
/// EF Core logs every failed query or save at error level with the exception's stack, before the exception reaches the
/// app. When the failure is an overloaded database (<see cref="DatabaseOverload"/>) the app says so itself — one warning
/// per request (<see cref="DatabaseOverloadResponses"/>) or per background round (<see cref="BackgroundFailure"/>) — so
/// EF's records of it are left out (a Serilog filter): an exhausted pool is not hundreds of errors with stacks. Every
/// other EF record stays.
/// </summary>
public static class DatabaseOverloadLogFilter
{
    public const string EfCore = "Microsoft.EntityFrameworkCore";

    /// <summary>True for an EF Core record whose exception is an overloaded database.</summary>
    public static bool IsProviderEcho(LogEvent e) =>
        e.Exception is { } x && e.Properties.TryGetValue("SourceContext", out var source)
        && source is ScalarValue { Value: string name } && name.StartsWith(EfCore, StringComparison.Ordinal)
        && DatabaseOverload.Is(x);
}
