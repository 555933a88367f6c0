using CertPlatform.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Infrastructure;

public static class DatabaseSetup
{
    /// <summary>
    /// Registers the database of "Database:Provider" (read once, through <see cref="DatabaseOptions.Read"/>: a bad value stops
    /// start-up naming the key), the options of "Database" and "DemoData" (checked at start), and the initializer.
    /// With <paramref name="strictQueries"/> (every environment but Production: development and the test suites) a query that
    /// limits rows without an order throws instead of logging a warning — which rows such a query returns is up to the
    /// database, so the tests catch it before anyone relies on it. EF's connection-error record is debug-level in every
    /// environment (the exception itself is logged by whoever catches it).
    /// </summary>
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration config, string contentRoot, bool strictQueries = false)
    {
        var options = DatabaseOptions.Read(config);
        void Strict(DbContextOptionsBuilder o) => o.ConfigureWarnings(w =>
        {
            if (strictQueries) w.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning);
            // EF's "An error occurred using the connection" carries no exception and says nothing the exception does not:
            // the failure reaches the caller, which logs it (an error with its stack, or for an overloaded database — an
            // exhausted pool — one warning, docs/deploy.md), so the record is debug-level rather than one more error per request.
            w.Log((RelationalEventId.ConnectionError, LogLevel.Debug));
        });
        services.AddOptions<DatabaseOptions>().Bind(config.GetSection(DatabaseOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddOptions<DemoDataOptions>().Bind(config.GetSection(DemoDataOptions.Section)).ValidateOnStart();
        if (options.Kind == DatabaseProvider.Sqlite)
        {
            var sqlite = SqliteConnectionString(options.ConnectionString, contentRoot);
            var checkpoint = config.GetSection(SqliteCheckpointOptions.Section).Get<SqliteCheckpointOptions>() ?? new SqliteCheckpointOptions();
            services.AddOptions<SqliteCheckpointOptions>().Bind(config.GetSection(SqliteCheckpointOptions.Section)).ValidateOnStart();
            services.AddSingleton<IValidateOptions<SqliteCheckpointOptions>, SqliteCheckpointOptionsValidator>();
            // Out-of-range values are refused at start-up (above); the interceptor only needs a usable number meanwhile.
            // It switches the connections' own checkpoints off only while the background checkpointer runs, so tools that
            // use the database without the site's hosted services (the bench's account and statistics tools) keep them.
            var pragmas = new SqliteConnectionPragmas(Math.Max(1, checkpoint.WalLimitBytes));
            services.AddSingleton(pragmas);
            services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => Strict(o.UseSqlite(sqlite).AddInterceptors(pragmas)));
            services.AddSingleton<Cluster.IClusterLock, Cluster.InProcessLock>();
            services.AddSingleton(sp => new SqliteWriteGate(oneWriter: true, metrics: sp.GetRequiredService<Telemetry.CertPlatformMetrics>()));
            if (checkpoint.Background)
                services.AddSingleton(sp => new SqliteCheckpointer(sqlite, pragmas, sp.GetRequiredService<SqliteWriteGate>(),
                    sp.GetRequiredService<IOptions<SqliteCheckpointOptions>>(), sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILogger<SqliteCheckpointer>>(), sp.GetService<Telemetry.CertPlatformMetrics>()));
        }
        else
        {
            var postgres = PostgresConnectionString(options.ConnectionString);
            services.AddDbContext<AppDbContext, PostgresAppDbContext>(o => Strict(o.UseNpgsql(postgres)));
            services.AddSingleton<Cluster.IClusterLock>(sp => new Cluster.PostgresAdvisoryLock(options.ConnectionString,
                sp.GetRequiredService<ILogger<Cluster.PostgresAdvisoryLock>>()));
            services.AddSingleton(SqliteWriteGate.Open);
        }
        // Migrates and seeds at start-up, before the features' background services (registered after this) start.
        services.AddHostedService<DatabaseInitializer>();
        // SQLite's background checkpointer: starts once the file is migrated and in WAL mode, and stops after the
        // features' writers (hosted services stop in reverse order), so its final checkpoint sees their last commits.
        if (services.Any(d => d.ServiceType == typeof(SqliteCheckpointer)))
            services.AddHostedService(sp => sp.GetRequiredService<SqliteCheckpointer>());
        return services;
    }

    /// <summary>Makes the data source absolute and creates its folder, so the app runs from any working directory.</summary>
    public static string SqliteConnectionString(string configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured);
        if (string.IsNullOrWhiteSpace(builder.DataSource))
            throw new InvalidOperationException($"Configuration '{DatabaseOptions.ConnectionStringKey}' has no Data Source.");
        if (builder.DataSource != ":memory:" && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        if (builder.DefaultTimeout < 30) builder.DefaultTimeout = 30;
        return builder.ToString();
    }

    /// <summary>
    /// How many statements Npgsql keeps prepared per physical connection (<c>Max Auto Prepare</c>) when the operator's
    /// connection string does not say: a statement run <c>Auto Prepare Min Usages</c> times (Npgsql's default 5) on a
    /// connection is prepared there, and later runs skip PostgreSQL's parse and plan. The hot paths (start, autosave,
    /// submit, session checks, pages) use far fewer distinct statements than this; the least recently used one makes way.
    /// </summary>
    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>
    /// The app's PostgreSQL connection string; an operator's explicit setting of either key below (either spelling, any
    /// value) is kept.
    /// <list type="bullet">
    /// <item><c>No Reset On Close=true</c>: Npgsql otherwise runs <c>DISCARD ALL</c> on every connection the pool hands out
    /// again — once per EF query outside a transaction, 100,769 times in one 10,000-trainee start storm. Nothing the app does
    /// through this pool leaves session state behind (no SET, temporary tables, LISTEN, SQL-level PREPARE or advisory locks:
    /// the cluster lock has a pool of its own, see <see cref="Cluster.PostgresAdvisoryLock.ConnectionString"/>), and Npgsql
    /// still rolls back a transaction left open.</item>
    /// <item><c>Max Auto Prepare=</c><see cref="DefaultMaxAutoPrepare"/>: Npgsql's automatic preparation (off by default in
    /// Npgsql). Prepared statements belong to the physical connection and stay across pooled use. Migrations run at
    /// start-up before the app serves requests; PostgreSQL re-plans a prepared statement after a schema change by itself,
    /// and one whose result columns changed type fails once on each connection, after which Npgsql prepares it again
    /// (docs/deploy.md "Prepared statements").</item>
    /// </list>
    /// </summary>
    public static string PostgresConnectionString(string configured)
    {
        Npgsql.NpgsqlConnectionStringBuilder builder;
        try { builder = new Npgsql.NpgsqlConnectionStringBuilder(configured); }
        catch (ArgumentException e) { throw new InvalidOperationException($"Configuration '{DatabaseOptions.ConnectionStringKey}' is not a PostgreSQL connection string: {e.Message}", e); }
        if (!HasKeyword(configured, "No Reset On Close")) builder.NoResetOnClose = true;
        if (!HasKeyword(configured, "Max Auto Prepare")) builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        return builder.ConnectionString;
    }

    /// <summary>True when <paramref name="connectionString"/> names <paramref name="keyword"/> (case and spaces ignored, as Npgsql reads it).</summary>
    public static bool HasKeyword(string connectionString, string keyword)
    {
        static string Norm(string k) => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        var parsed = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return parsed.Keys.Cast<string>().Any(k => Norm(k) == Norm(keyword));
    }

    /// <summary>Applies committed migrations and switches the SQLite file to WAL (persistent per file).</summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
                await db.Database.MigrateAsync(ct);
            }
            finally { await db.Database.CloseConnectionAsync(); }
        }
        else
        {
            // Npgsql's migrator does not look for the history table before reading it: on a new database its first
            // SELECT fails (42P01), is caught, and EF has already logged "Failed executing DbCommand" at error level
            // (npgsql/efcore.pg#3407). Creating the table first (the provider's own CREATE TABLE IF NOT EXISTS) leaves
            // nothing to fail. Callers hold the "database.initialise" cluster lock, so instances do not race here.
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), ct);
            await db.Database.MigrateAsync(ct);
        }
    }
}
