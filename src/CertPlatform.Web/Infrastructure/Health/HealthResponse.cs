using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CertPlatform.Web.Infrastructure.Health;

/// <summary>The JSON body of the health endpoints: overall status and each check's status, never cached.</summary>
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
