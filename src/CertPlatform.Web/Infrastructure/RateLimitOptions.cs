namespace CertPlatform.Web.Infrastructure;

/// <summary>Configuration section "RateLimits": requests per client address per minute of the <see cref="RateLimits"/> policies.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";
    public const int MaxPerMinute = 1_000_000;

    /// <summary>Sign-in and registration attempts.</summary>
    public int LoginPerMinute { get; set; } = 30;
    /// <summary>Public certificate verification.</summary>
    public int VerifyPerMinute { get; set; } = 60;
}
