using System.Globalization;

namespace CertPlatform.Web.Infrastructure.Time;

/// <summary>
/// The one owner of "what time is it for the reader": converts stored UTC instants into the configured display zone
/// (<see cref="DisplayOptions.TimeZone"/>) and formats them the same way everywhere — pages, certificates, exports.
/// Calendar days are days of that zone: a day starts at 00:00 there, not on the server.
/// </summary>
public sealed class DisplayTime(TimeZoneInfo zone)
{
    public const string DayFormat = "yyyy-MM-dd";
    public const string MinuteFormat = "yyyy-MM-dd HH:mm";
    public const string SecondFormat = "yyyy-MM-dd HH:mm:ss";

    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>The zone's id as configured (e.g. Asia/Shanghai).</summary>
    public string ZoneId => Zone.Id;

    /// <summary>The instant as a wall-clock time in the display zone (with that zone's offset).</summary>
    public DateTimeOffset Local(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, Zone);

    /// <summary>The calendar day of the instant in the display zone.</summary>
    public DateOnly Date(DateTimeOffset t) => DateOnly.FromDateTime(Local(t).DateTime);

    /// <summary>
    /// The last day of a period that ends (exclusively) at <paramref name="end"/>: for an end at midnight it is the day
    /// before. "Valid until" dates are printed this way, so the day printed is still a valid day.
    /// </summary>
    public DateOnly LastDay(DateTimeOffset end) => Date(end.AddTicks(-1));

    /// <summary>The printed form of <see cref="LastDay"/> (a certificate's 有效期至).</summary>
    public string UntilDay(DateTimeOffset end) => Day(LastDay(end));

    /// <summary>00:00 of <paramref name="day"/> in the display zone, as an instant.</summary>
    public DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A day that starts inside a DST gap starts at the first valid minute after it.
        while (Zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>A wall-clock time typed in the display zone (e.g. a datetime-local field) as an instant.</summary>
    public DateTimeOffset FromLocal(DateTime wallClock)
    {
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>2026-11-30</summary>
    public string Day(DateTimeOffset t) => Format(Local(t), DayFormat);
    public string Day(DateTimeOffset? t) => t is { } v ? Day(v) : "";
    public static string Day(DateOnly d) => d.ToString(DayFormat, CultureInfo.InvariantCulture);

    /// <summary>2026-11-30 08:30</summary>
    public string Minute(DateTimeOffset t) => Format(Local(t), MinuteFormat);
    public string Minute(DateTimeOffset? t) => t is { } v ? Minute(v) : "";

    /// <summary>2026-11-30 08:30:05</summary>
    public string Second(DateTimeOffset t) => Format(Local(t), SecondFormat);
    public string Second(DateTimeOffset? t) => t is { } v ? Second(v) : "";

    /// <summary>Any other pattern, in the display zone (file-name stamps such as yyyyMMdd-HHmm).</summary>
    public string Format(DateTimeOffset t, string pattern) => Local(t).ToString(pattern, CultureInfo.InvariantCulture);
}
