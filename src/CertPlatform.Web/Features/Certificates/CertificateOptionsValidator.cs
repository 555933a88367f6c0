using System.Net;
using CertPlatform.Web.Infrastructure.Time;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Certificates;

/// <summary>
/// Start-up checks of "Certificates": every message names the key to fix. Outside Development the public address
/// must be configured and must not be a loopback address, because every issued certificate prints it for good.
/// </summary>
internal sealed class CertificateOptionsValidator(IHostEnvironment env, IOptions<DisplayOptions> display) : IValidateOptions<CertificateOptions>
{
    public ValidateOptionsResult Validate(string? name, CertificateOptions o)
    {
        var errors = new List<string>();
        if (o.RenewalWindowDays is < 0 or > 3650) errors.Add($"{CertificateOptions.Section}:{nameof(o.RenewalWindowDays)} must be 0–3650");
        if (string.IsNullOrWhiteSpace(o.NumberPrefix) || o.NumberPrefix.Length > 8 || !o.NumberPrefix.All(char.IsAsciiLetterOrDigit))
            errors.Add($"{CertificateOptions.Section}:{nameof(o.NumberPrefix)} must be 1–8 letters or digits");
        if (string.IsNullOrWhiteSpace(o.PublicBaseUrl))
        {
            if (!env.IsDevelopment())
                errors.Add($"{CertificateOptions.PublicBaseUrlKey} must be set outside Development: it is the site's public address printed on every certificate and in its QR code (e.g. https://certs.example.com)");
        }
        else if (!Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            errors.Add($"{CertificateOptions.PublicBaseUrlKey} must be an absolute http(s) URL (the address printed on certificates), not '{o.PublicBaseUrl}'");
        else if (!env.IsDevelopment() && IsLoopback(url))
            errors.Add($"{CertificateOptions.PublicBaseUrlKey} is '{o.PublicBaseUrl}', a local address: certificates carry it forever, so outside Development it must be the site's public address");
        if (!string.IsNullOrWhiteSpace(o.TimeZone) && !SameZone(o.TimeZone, display.Value.TimeZone))
            errors.Add($"{CertificateOptions.TimeZoneKey} ('{o.TimeZone}') differs from {DisplayOptions.TimeZoneKey} ('{display.Value.TimeZone}'): certificates use the display zone; remove {CertificateOptions.TimeZoneKey} or make them equal");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static bool IsLoopback(Uri url) =>
        url.IsLoopback || url.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || url.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && (IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)));

    private static bool SameZone(string a, string b) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(a, out var za) && TimeZoneInfo.TryFindSystemTimeZoneById(b, out var zb)
        && (za.Id == zb.Id || (za.HasIanaId && zb.HasIanaId && TimeZoneInfo.TryConvertIanaIdToWindowsId(za.Id, out var wa)
                                && TimeZoneInfo.TryConvertIanaIdToWindowsId(zb.Id, out var wb) && wa == wb && za.BaseUtcOffset == zb.BaseUtcOffset));
}
