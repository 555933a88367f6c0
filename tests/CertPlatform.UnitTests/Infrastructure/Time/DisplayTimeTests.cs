using CertPlatform.Web.Infrastructure.Time;

namespace CertPlatform.UnitTests.Infrastructure.Time;

public sealed class DisplayTimeTests
{
    private static readonly DisplayTime Shanghai = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    [Fact]
    public void Utc_instants_are_shown_in_the_display_zone_whatever_the_host_zone()
    {
        var deadline = new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero);
        Assert.Equal("2026-12-01 00:30", Shanghai.Minute(deadline));
        Assert.Equal("2026-12-01 00:30:00", Shanghai.Second(deadline));
        Assert.Equal("2026-12-01", Shanghai.Day(deadline));
        Assert.Equal(new DateOnly(2026, 12, 1), Shanghai.Date(deadline));
        Assert.Equal("20261201-0030", Shanghai.Format(deadline, "yyyyMMdd-HHmm"));
        Assert.Equal("", Shanghai.Minute((DateTimeOffset?)null));
    }

    [Fact]
    public void Days_start_at_midnight_in_the_display_zone_and_a_period_ending_at_midnight_ends_the_day_before()
    {
        var start = Shanghai.StartOfDay(new DateOnly(2029, 12, 1));
        Assert.Equal(new DateTimeOffset(2029, 11, 30, 16, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(new DateOnly(2029, 11, 30), Shanghai.LastDay(start));
        Assert.Equal("2029-11-30", Shanghai.UntilDay(start));
        Assert.Equal(new DateOnly(2029, 12, 1), Shanghai.LastDay(start.AddSeconds(1)));
    }

    [Fact]
    public void Typed_wall_clock_times_are_read_in_the_display_zone()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero), Shanghai.FromLocal(new DateTime(2026, 12, 1, 0, 30, 0)));
    }

    [Fact]
    public void A_day_that_starts_in_a_dst_gap_starts_at_the_first_valid_minute()
    {
        // Santiago skips 00:00–00:59 on 2026-09-06.
        var santiago = new DisplayTime(TimeZoneInfo.FindSystemTimeZoneById("America/Santiago"));
        var start = santiago.StartOfDay(new DateOnly(2026, 9, 6));
        Assert.Equal(new DateOnly(2026, 9, 6), santiago.Date(start));
        Assert.Equal(new DateOnly(2026, 9, 5), santiago.Date(start.AddTicks(-1)));
    }
}
