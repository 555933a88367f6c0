using System.Text.Json;

namespace CertPlatform.Web.Infrastructure;

/// <summary>Errors for scripts and machines: the API, and any request that asks for JSON, get problem+json instead of a page.</summary>
public static class JsonClients
{
    public static bool Wants(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") ||
        request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);

    public static async Task WriteProblemAsync(HttpContext context, int status, string title, CancellationToken ct = default)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await JsonSerializer.SerializeAsync(context.Response.Body, new { status, title }, cancellationToken: ct);
    }
}
