namespace CertPlatform.Web.Infrastructure;

/// <summary>Names of the rate-limit policies (registered in <see cref="PlatformSecurity"/>; limits are per instance).</summary>
public static class RateLimits
{
    public const string Login = "login";
    /// <summary>Public certificate verification (anonymous): per client address.</summary>
    public const string Verify = "verify";
}
