using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CertPlatform.IntegrationTests.Infrastructure.Database;

/// <summary>
/// Npgsql's automatic preparation as the app sets it up (<see cref="DatabaseSetup.PostgresConnectionString"/>), on a real
/// PostgreSQL server: the database services registered by <see cref="DatabaseSetup.AddAppDatabase"/> exactly as the site
/// registers them, each test on a pool of its own with one connection, so every EF query of the test runs on the same
/// physical connection (as a busy instance's pooled connections serve query after query) and
/// <c>pg_prepared_statements</c>, which is per connection, can be read on it.
/// </summary>
public sealed class PostgresAutoPrepareTests(PostgresDatabase pg) : IClassFixture<PostgresDatabase>
{
    /// <summary>Npgsql's default number of runs after which a statement is prepared.</summary>
    private static readonly int MinUsages = new NpgsqlConnectionStringBuilder().AutoPrepareMinUsages;

    [Theory]
    [InlineData("", "autoprep-default")]
    [InlineData(";No Reset On Close=false", "autoprep-reset")] // Npgsql's reset on reuse keeps prepared statements too
    public async Task By_default_a_query_repeated_on_a_connection_is_prepared_there_and_stays_across_pooled_use(string setting, string pool)
    {
        await using var app = App(pg.ConnectionString + setting, pool);
        await MigrateAsync(app);
        Assert.Equal(DatabaseSetup.DefaultMaxAutoPrepare, new NpgsqlConnectionStringBuilder(ConnectionString(app)).MaxAutoPrepare);

        // Each run in a scope of its own: a new DbContext that opens the pooled connection and closes it again, as requests do.
        for (var run = 0; run < MinUsages; run++) Assert.Empty(await StatusesAsync(app, "no-such-attempt"));
        Assert.Equal(1, await PreparedAsync(app, """FROM "Attempts" """));

        // Still prepared on the next pooled use: later runs only bind and execute.
        Assert.Empty(await StatusesAsync(app, "no-such-attempt"));
        Assert.Equal(1, await PreparedAsync(app, """FROM "Attempts" """));
    }

    [Fact]
    public async Task An_operators_explicit_Max_Auto_Prepare_0_is_kept_and_nothing_is_prepared()
    {
        await using var app = App(pg.ConnectionString + ";Max Auto Prepare=0", "autoprep-off");
        await MigrateAsync(app);
        Assert.Equal(0, new NpgsqlConnectionStringBuilder(ConnectionString(app)).MaxAutoPrepare);

        for (var run = 0; run < MinUsages * 2; run++) Assert.Empty(await StatusesAsync(app, "no-such-attempt"));
        Assert.Equal(0, await PreparedAsync(app, ""));
    }

    [Fact]
    public async Task A_query_prepared_before_migrations_alter_its_table_runs_after_them()
    {
        using var database = new PostgresDatabase(); // migrated step by step here, so a database of its own
        await using var app = App(database.ConnectionString, "autoprep-migrate");
        await using (var scope = app.CreateAsyncScope())
        {
            // Up to the migration before the one that adds a column to "Attempts" (Wave2bPools).
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript());
            await db.GetService<IMigrator>().MigrateAsync("20261205152542_Wave2bCerts");
        }
        for (var run = 0; run < MinUsages; run++) Assert.Empty(await StatusesAsync(app, "no-such-attempt"));
        Assert.Equal(1, await PreparedAsync(app, """FROM "Attempts" """));

        await MigrateAsync(app); // the remaining migrations, on the same physical connection, alter "Attempts" and more
        await using (var scope = app.CreateAsyncScope())
            Assert.Contains("20261205152921_Wave2bPools", await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetAppliedMigrationsAsync());

        // PostgreSQL re-plans the prepared statement; its result columns are unchanged, so it runs as before.
        for (var run = 0; run < MinUsages; run++) Assert.Empty(await StatusesAsync(app, "no-such-attempt"));
        Assert.Equal(1, await PreparedAsync(app, """FROM "Attempts" """));
    }

    [Fact]
    public async Task A_prepared_query_whose_result_column_changed_type_fails_once_on_its_connection_then_is_prepared_again()
    {
        await using var app = App(pg.ConnectionString, "autoprep-type-change");
        await MigrateAsync(app);
        for (var run = 0; run < MinUsages; run++) Assert.Empty(await StatusesAsync(app, "no-such-attempt"));
        var before = await PreparedNamesAsync(app, """FROM "Attempts" """);
        Assert.Single(before);

        // Another instance's migration widens the column the query returns (a connection outside the app's pool).
        await AlterStatusAsync("varchar(24)");
        try
        {
            var failed = await Assert.ThrowsAsync<PostgresException>(() => StatusesAsync(app, "no-such-attempt"));
            Assert.Equal(PostgresErrorCodes.FeatureNotSupported, failed.SqlState); // "cached plan must not change result type"
            // The next runs succeed; the query counts its uses again and is prepared anew, under a new name (Npgsql leaves the
            // invalidated statement on the server until its slot is reused or the connection closes).
            for (var run = 0; run < MinUsages + 1; run++) Assert.Empty(await StatusesAsync(app, "no-such-attempt"));
            Assert.NotEmpty((await PreparedNamesAsync(app, """FROM "Attempts" """)).Except(before));
        }
        finally { await AlterStatusAsync("varchar(16)"); }
    }

    /// <summary>The database services as the site registers them, on a pool of one connection named after the test.</summary>
    private static ServiceProvider App(string connectionString, string pool)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSQL",
            ["Database:ConnectionString"] = $"{connectionString};Maximum Pool Size=1;Application Name={pool}",
        }).Build();
        return new ServiceCollection().AddLogging().AddAppDatabase(config, Path.GetTempPath()).BuildServiceProvider();
    }

    private static string ConnectionString(ServiceProvider app)
    {
        using var scope = app.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetConnectionString()!;
    }

    private static async Task MigrateAsync(ServiceProvider app)
    {
        await using var scope = app.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static async Task<List<string>> StatusesAsync(ServiceProvider app, string attemptId)
    {
        await using var scope = app.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Attempts.Where(a => a.Id == attemptId).Select(a => a.Status).ToListAsync();
    }

    /// <summary>How many statements containing <paramref name="text"/> are prepared on the app's one pooled connection.</summary>
    private static async Task<int> PreparedAsync(ServiceProvider app, string text) => (await PreparedNamesAsync(app, text)).Count;

    /// <summary>The server-side names of the statements containing <paramref name="text"/> prepared on the app's one pooled connection.</summary>
    private static async Task<List<string>> PreparedNamesAsync(ServiceProvider app, string text)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(app)); // the same pool of one: the same connection
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT name FROM pg_prepared_statements WHERE statement LIKE '%' || @t || '%' AND statement NOT LIKE '%pg_prepared_statements%'", connection);
        query.Parameters.AddWithValue("t", text);
        var names = new List<string>();
        await using var rows = await query.ExecuteReaderAsync();
        while (await rows.ReadAsync()) names.Add(rows.GetString(0));
        return names;
    }

    private async Task AlterStatusAsync(string type)
    {
        await using var connection = new NpgsqlConnection(pg.ConnectionString);
        await connection.OpenAsync();
        await using var alter = new NpgsqlCommand($"""ALTER TABLE "Attempts" ALTER COLUMN "Status" TYPE {type}""", connection);
        await alter.ExecuteNonQueryAsync();
    }
}
