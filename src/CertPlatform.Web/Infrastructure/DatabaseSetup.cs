using CertPlatform.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Infrastructure;

public static class DatabaseSetup
{
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        var options = config.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new InvalidOperationException("Configuration 'Database:ConnectionString' is empty.");
        switch (options.Provider.ToLowerInvariant())
        {
            case "sqlite":
                var sqlite = SqliteConnectionString(options.ConnectionString, contentRoot);
                var checkpoint = config.GetSection(SqliteCheckpointOptions.Section).Get<SqliteCheckpointOptions>() ?? new SqliteCheckpointOptions();
                services.AddOptions<SqliteCheckpointOptions>().Bind(config.GetSection(SqliteCheckpointOptions.Section)).ValidateOnStart();
                services.AddSingleton<IValidateOptions<SqliteCheckpointOptions>, SqliteCheckpointOptionsValidator>();
                // Out-of-range values are refused at start-up (above); the interceptor only needs a usable number meanwhile.
                // It switches the connections' own checkpoints off only while the background checkpointer runs, so tools that
                // use the database without the site's hosted services (the bench's account and statistics tools) keep them.
                var pragmas = new SqliteConnectionPragmas(Math.Max(1, checkpoint.WalLimitBytes));
                services.AddSingleton(pragmas);
                services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => o.UseSqlite(sqlite).AddInterceptors(pragmas));
                services.AddSingleton<Cluster.IClusterLock, Cluster.InProcessLock>();
                services.AddSingleton(new SqliteWriteGate(oneWriter: true));
                if (checkpoint.Background)
                    services.AddSingleton(sp => new SqliteCheckpointer(sqlite, pragmas, sp.GetRequiredService<SqliteWriteGate>(),
                        sp.GetRequiredService<IOptions<SqliteCheckpointOptions>>(), sp.GetRequiredService<TimeProvider>(),
                        sp.GetRequiredService<ILogger<SqliteCheckpointer>>()));
                break;
            case "postgresql" or "postgres" or "npgsql":
                services.AddDbContext<AppDbContext, PostgresAppDbContext>(o => o.UseNpgsql(options.ConnectionString));
                services.AddSingleton<Cluster.IClusterLock>(sp => new Cluster.PostgresAdvisoryLock(options.ConnectionString,
                    sp.GetRequiredService<ILogger<Cluster.PostgresAdvisoryLock>>()));
                services.AddSingleton(SqliteWriteGate.Open);
                break;
            default:
                throw new InvalidOperationException(
                    $"Configuration 'Database:Provider' is '{options.Provider}': use 'Sqlite' or 'PostgreSQL'.");
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
            throw new InvalidOperationException("Configuration 'Database:ConnectionString' has no Data Source.");
        if (builder.DataSource != ":memory:" && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        if (builder.DefaultTimeout < 30) builder.DefaultTimeout = 30;
        return builder.ToString();
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
