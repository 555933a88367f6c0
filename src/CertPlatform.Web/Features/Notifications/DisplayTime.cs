namespace CertPlatform.Web.Features.Notifications;

/// <summary>
/// Dates and times in mails, in the zone of configuration key <c>Display:TimeZone</c> (default Asia/Shanghai).
/// Local to notifications until the site-wide display zone helper lands; then this becomes a call to it.
/// </summary>
public sealed class DisplayTime
{
    public const string Key = "Display:TimeZone";

    public DisplayTime(IConfiguration config)
    {
        var id = config[Key] is { Length: > 0 } configured ? configured : "Asia/Shanghai";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            throw new InvalidOperationException($"{Key} '{id}' is not a known time zone id");
        Zone = zone;
    }

    public TimeZoneInfo Zone { get; }

    public string Date(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).ToString("yyyy-MM-dd");
    public string DateTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).ToString("yyyy-MM-dd HH:mm");
}
