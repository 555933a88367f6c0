using CertPlatform.Web.Infrastructure;

namespace CertPlatform.UnitTests.Infrastructure;

public sealed class SqliteCheckpointOptionsTests
{
    [Fact]
    public void The_defaults_are_usable_and_the_limit_is_in_bytes()
    {
        var o = new SqliteCheckpointOptions();
        Assert.Null(o.FirstProblem());
        Assert.False(o.Background); // opt-in until the quiet A/B decides (bench/RESULTS.md)
        Assert.Equal(32L * 1024 * 1024, o.WalLimitBytes);
        Assert.Equal(4096L * 1024 * 1024, new SqliteCheckpointOptions { WalLimitMegabytes = 4096 }.WalLimitBytes); // no int overflow
    }

    [Theory]
    [InlineData(49, 32, "Database:Checkpoint:IntervalMilliseconds is 49")]
    [InlineData(60_001, 32, "Database:Checkpoint:IntervalMilliseconds is 60001")]
    [InlineData(500, 0, "Database:Checkpoint:WalLimitMegabytes is 0")]
    [InlineData(500, 4097, "Database:Checkpoint:WalLimitMegabytes is 4097")]
    public void A_setting_out_of_range_is_named_with_its_key_and_value(int interval, int limit, string expected)
    {
        var problem = new SqliteCheckpointOptions { IntervalMilliseconds = interval, WalLimitMegabytes = limit }.FirstProblem();
        Assert.NotNull(problem);
        Assert.StartsWith(expected, problem);
    }

    [Theory]
    [InlineData(50, 1)]
    [InlineData(60_000, 4096)]
    public void The_ends_of_the_ranges_are_accepted(int interval, int limit) =>
        Assert.Null(new SqliteCheckpointOptions { IntervalMilliseconds = interval, WalLimitMegabytes = limit }.FirstProblem());
}
