namespace CertPlatform.Web.Infrastructure.Time;

/// <summary>Configuration section "Display": how times and dates are shown to people.</summary>
public sealed class DisplayOptions
{
    public const string Section = "Display";
    public const string TimeZoneKey = $"{Section}:{nameof(TimeZone)}";

    /// <summary>
    /// The one zone every user-facing time and calendar date is shown in (exam windows and deadlines, results,
    /// certificates, exports), whatever zone the server runs in. An IANA id such as Asia/Shanghai.
    /// </summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";
}
