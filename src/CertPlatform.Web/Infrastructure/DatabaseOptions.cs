namespace CertPlatform.Web.Infrastructure;

public sealed class DatabaseOptions
{
    public const string Section = "Database";
    /// <summary>"Sqlite" (embedded, default) or "PostgreSQL" (for running several instances).</summary>
    public string Provider { get; set; } = "Sqlite";
    /// <summary>Relative paths in a SQLite data source are resolved against the app's content root.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/certplatform.db";
}
