using CertPlatform.Web.Domain.Notifications;

namespace CertPlatform.UnitTests.Domain.Notifications;

public sealed class RetryScheduleTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(8, 60)]
    [InlineData(1000, 60)]
    public void Back_off_doubles_from_one_minute_and_is_capped_at_an_hour(int failedAttempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), RetrySchedule.Delay(failedAttempts));

    [Fact]
    public void No_failure_means_no_wait() => Assert.Equal(TimeSpan.Zero, RetrySchedule.Delay(0));

    [Theory]
    [InlineData(9, 10, false)]
    [InlineData(10, 10, true)]
    [InlineData(1, 1, true)]
    public void Gives_up_after_the_maximum_number_of_attempts(int failed, int max, bool giveUp) =>
        Assert.Equal(giveUp, RetrySchedule.GiveUp(failed, max));
}
