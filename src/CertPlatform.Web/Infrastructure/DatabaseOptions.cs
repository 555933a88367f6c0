using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CertPlatform.Web.Infrastructure;

/// <summary>
/// Configuration section "Database". The provider is needed while services are registered, so <see cref="Read"/> is the
/// one place that binds and checks the section (start-up stops with a message naming the key); the same check guards
/// the bound <c>IOptions&lt;DatabaseOptions&gt;</c> (<see cref="DatabaseOptionsValidator"/>).
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ProviderKey = Section + ":" + nameof(Provider);
    public const string ConnectionStringKey = Section + ":" + nameof(ConnectionString);

    /// <summary>"Sqlite" (embedded, default) or "PostgreSQL" (for running several instances); any case, also "Postgres" or "Npgsql".</summary>
    public string Provider { get; set; } = "Sqlite";
    /// <summary>Relative paths in a SQLite data source are resolved against the app's content root.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/certplatform.db";

    /// <summary>The provider <see cref="Provider"/> names; null when it names none.</summary>
    public DatabaseProvider? Kind => Provider.Trim().ToLowerInvariant() switch
    {
        "sqlite" => DatabaseProvider.Sqlite,
        "postgresql" or "postgres" or "npgsql" => DatabaseProvider.PostgreSql,
        _ => null,
    };

    /// <summary>What is wrong with the section, each message naming its key; empty when it is usable.</summary>
    public List<string> Problems()
    {
        var problems = new List<string>();
        if (Kind is null)
            problems.Add($"Configuration '{ProviderKey}' is '{Provider}': use 'Sqlite' or 'PostgreSQL'.");
        if (string.IsNullOrWhiteSpace(ConnectionString))
            problems.Add($"Configuration '{ConnectionStringKey}' is empty.");
        else if (Kind is { } kind)
        {
            try
            {
                if (kind == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(new SqliteConnectionStringBuilder(ConnectionString).DataSource))
                    problems.Add($"Configuration '{ConnectionStringKey}' has no Data Source.");
                if (kind == DatabaseProvider.PostgreSql) _ = new NpgsqlConnectionStringBuilder(ConnectionString);
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
            {
                // The parsers name the bad keyword, never the password.
                problems.Add($"Configuration '{ConnectionStringKey}' is not a {(kind == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL")} connection string: {e.Message}");
            }
        }
        return problems;
    }

    /// <summary>The section bound and checked: the one reader for code that runs before the container is built.</summary>
    /// <exception cref="OptionsValidationException">The section is not usable (the message names the key).</exception>
    public static DatabaseOptions Read(IConfiguration config)
    {
        var options = config.GetSection(Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var problems = options.Problems();
        if (problems.Count > 0) throw new OptionsValidationException(Options.DefaultName, typeof(DatabaseOptions), problems);
        return options;
    }
}
