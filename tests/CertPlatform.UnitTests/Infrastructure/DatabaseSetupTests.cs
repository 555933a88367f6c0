using CertPlatform.Web.Infrastructure;
using CertPlatform.Web.Infrastructure.Cluster;
using Npgsql;

namespace CertPlatform.UnitTests.Infrastructure;

/// <summary>
/// The PostgreSQL connection strings the app builds: its own pool skips Npgsql's reset on reuse unless the operator said
/// otherwise; the cluster lock's pool always keeps it (and is therefore a pool of its own).
/// </summary>
public sealed class DatabaseSetupTests
{
    private const string Configured = "Host=db;Port=5432;Database=certplatform;Username=cert;Maximum Pool Size=60";

    [Fact]
    public void The_app_pool_skips_the_reset_when_the_operator_did_not_choose()
    {
        var built = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString(Configured));
        Assert.True(built.NoResetOnClose);
        // Everything else is the operator's.
        Assert.Equal("db", built.Host);
        Assert.Equal("certplatform", built.Database);
        Assert.Equal("cert", built.Username);
        Assert.Equal(60, built.MaxPoolSize);
    }

    [Theory]
    [InlineData("No Reset On Close=false", false)]
    [InlineData("NoResetOnClose=False", false)]
    [InlineData("no reset on close=true", true)]
    public void An_explicit_choice_of_the_operator_is_kept(string setting, bool expected)
    {
        var built = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString(Configured + ";" + setting));
        Assert.Equal(expected, built.NoResetOnClose);
    }

    [Fact]
    public void A_string_that_is_no_connection_string_names_the_setting()
    {
        var e = Assert.Throws<InvalidOperationException>(() => DatabaseSetup.PostgresConnectionString("Host=db;Colour=blue"));
        Assert.Contains("Database:ConnectionString", e.Message);
    }

    [Theory]
    [InlineData(Configured)]
    [InlineData(Configured + ";No Reset On Close=true")]
    public void The_lock_pool_always_resets_and_differs_from_the_app_pool(string configured)
    {
        var lockString = PostgresAdvisoryLock.ConnectionString(configured);
        Assert.False(new NpgsqlConnectionStringBuilder(lockString).NoResetOnClose);
        Assert.NotEqual(DatabaseSetup.PostgresConnectionString(configured), lockString);
        Assert.Equal("certplatform", new NpgsqlConnectionStringBuilder(lockString).Database);
    }
}
