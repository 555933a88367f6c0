using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Infrastructure;

/// <summary>
/// Transport-level protections: forwarded headers from configured proxies only, <c>Secure</c> on every
/// cookie and HSTS outside Development, rate limits per client address (JSON clients get a JSON 429).
/// </summary>
public static class PlatformSecurity
{
    public static IServiceCollection AddPlatformSecurity(this IServiceCollection services, IConfiguration config, bool isDevelopment)
    {
        services.AddOptions<ForwardedHeadersSettings>().Bind(config.GetSection(ForwardedHeadersSettings.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ForwardedHeadersSettings>, ForwardedHeadersSettingsValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((o, settings) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies (the framework's default trusts loopback).
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var p in settings.Value.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(p));
            foreach (var n in settings.Value.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n));
        });

        var secure = isDevelopment ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = secure;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        // The cookie policy marks the antiforgery cookie Secure too (the antiforgery option itself would
        // refuse to work over plain http, e.g. a TLS proxy not yet listed in ForwardedHeaders).
        services.AddAntiforgery(o => o.HeaderName = "RequestVerificationToken");
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));

        const string limits = RateLimitOptions.Section;
        services.AddOptions<RateLimitOptions>().Bind(config.GetSection(limits))
            .Validate(o => o.LoginPerMinute is >= 1 and <= RateLimitOptions.MaxPerMinute, $"{limits}:{nameof(RateLimitOptions.LoginPerMinute)} must be 1–{RateLimitOptions.MaxPerMinute}")
            .Validate(o => o.VerifyPerMinute is >= 1 and <= RateLimitOptions.MaxPerMinute, $"{limits}:{nameof(RateLimitOptions.VerifyPerMinute)} must be 1–{RateLimitOptions.MaxPerMinute}")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((o, configured) =>
        {
            var perMinute = configured.Value;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimits.Login, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress(ctx), _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute.LoginPerMinute, Window = TimeSpan.FromMinutes(1) }));
            o.AddPolicy(RateLimits.Verify, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress(ctx), _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute.VerifyPerMinute, Window = TimeSpan.FromMinutes(1) }));
            o.OnRejected = async (ctx, ct) =>
            {
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    ctx.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!JsonClients.Wants(ctx.HttpContext.Request)) return; // the status-code page (/error/429) explains it
                var L = ctx.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                await JsonClients.WriteProblemAsync(ctx.HttpContext, StatusCodes.Status429TooManyRequests, L["请求过于频繁，请稍后再试。"], ct);
            };
        });
        return services;
    }

    /// <summary>The rate-limit partition: the client's address (a trusted proxy's X-Forwarded-For has been applied by then).</summary>
    public static string ClientAddress(HttpContext ctx) => ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>First in the pipeline: everything after sees the client's address and scheme.</summary>
    public static IApplicationBuilder UseTrustedForwardedHeaders(this IApplicationBuilder app)
    {
        // With no proxy configured the middleware would believe anyone's headers: leave it out.
        var settings = app.ApplicationServices.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value;
        return settings.Any ? app.UseForwardedHeaders() : app;
    }
}
