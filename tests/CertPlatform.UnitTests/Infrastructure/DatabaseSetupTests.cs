using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;
using CertPlatform.Web.Infrastructure.Cluster;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CertPlatform.UnitTests.Infrastructure;

/// <summary>
/// The PostgreSQL connection strings the app builds: its own pool skips Npgsql's reset on reuse and prepares repeated
/// statements automatically unless the operator said otherwise; the cluster lock's pool always keeps the reset (and is
/// therefore a pool of its own).
/// </summary>
public sealed class DatabaseSetupTests
{
    private const string Configured = "Host=db;Port=5432;Database=certplatform;Username=cert;Maximum Pool Size=60";

    [Fact]
    public void The_app_pool_skips_the_reset_when_the_operator_did_not_choose()
    {
        var built = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString(Configured));
        Assert.True(built.NoResetOnClose);
        Assert.Equal(DatabaseSetup.DefaultMaxAutoPrepare, built.MaxAutoPrepare);
        Assert.Equal(new NpgsqlConnectionStringBuilder().AutoPrepareMinUsages, built.AutoPrepareMinUsages); // Npgsql's own
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

    [Theory]
    [InlineData("Max Auto Prepare=0", 0)]
    [InlineData("MaxAutoPrepare=0", 0)]
    [InlineData("max auto prepare=20", 20)]
    public void An_explicit_Max_Auto_Prepare_of_the_operator_is_kept(string setting, int expected)
    {
        var built = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString(Configured + ";" + setting));
        Assert.Equal(expected, built.MaxAutoPrepare);
        Assert.True(built.NoResetOnClose); // the other default still applies
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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Outside_production_a_row_limit_without_an_order_throws(bool strict)
    {
        var folder = Path.Combine(Path.GetTempPath(), "certplatform-strict-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "strict.db")}",
            }).Build();
            await using var services = new ServiceCollection().AddLogging().AddAppDatabase(config, folder, strictQueries: strict).BuildServiceProvider();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.EnsureCreatedAsync();

            var unordered = () => db.Attempts.Select(a => a.Id).Take(1).ToListAsync();
            if (strict) Assert.Contains("RowLimitingOperationWithoutOrderBy", (await Assert.ThrowsAsync<InvalidOperationException>(unordered)).Message);
            else Assert.Empty(await unordered());
            Assert.Empty(await db.Attempts.OrderBy(a => a.Deadline).Select(a => a.Id).Take(1).ToListAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
