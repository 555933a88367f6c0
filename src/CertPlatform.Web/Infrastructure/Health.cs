using System.Text.Json;
using CertPlatform.Web.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CertPlatform.Web.Infrastructure;

/// <summary>Liveness plus "the database answers a query".</summary>
public sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(ct)
                ? HealthCheckResult.Healthy("database reachable")
                : HealthCheckResult.Unhealthy("database not reachable");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("database error", ex);
        }
    }
}

public static class HealthResponse
{
    public static readonly HealthCheckOptions Options = new()
    {
        ResponseWriter = async (context, report) =>
        {
            context.Response.ContentType = "application/json";
            context.Response.Headers.CacheControl = "no-store";
            await JsonSerializer.SerializeAsync(context.Response.Body, new
            {
                status = report.Status.ToString().ToLowerInvariant(),
                checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString().ToLowerInvariant()),
            });
        },
    };
}

public static class RateLimits
{
    public const string Login = "login";
    /// <summary>Public certificate verification (anonymous): per client address.</summary>
    public const string Verify = "verify";
}
