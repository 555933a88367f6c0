using Npgsql;

namespace CertPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// A real PostgreSQL server: a database of its own per test class, created and dropped here.
/// scripts/test.sh starts a throw-away server and sets CERTPLATFORM_TEST_POSTGRES.
/// </summary>
public sealed class PostgresDatabase : IDisposable
{
    public const string Variable = "CERTPLATFORM_TEST_POSTGRES";
    private readonly string _server;

    public PostgresDatabase()
    {
        _server = Environment.GetEnvironmentVariable(Variable)
            ?? throw new InvalidOperationException($"{Variable} is not set: run the tests with scripts/test.sh, which starts PostgreSQL, or set it to a server connection string (Host=…;Port=…;Username=…)");
        Name = "certplatform_test_" + Guid.NewGuid().ToString("N")[..12];
        using var c = new NpgsqlConnection(_server);
        c.Open();
        using var cmd = new NpgsqlCommand($"CREATE DATABASE {Name}", c);
        cmd.ExecuteNonQuery();
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = Name }.ToString();
        Factory = new AppFactory().With("Database:Provider", "PostgreSQL").With("Database:ConnectionString", ConnectionString);
    }

    public string Name { get; }
    public string ConnectionString { get; }
    public AppFactory Factory { get; }

    public void Dispose()
    {
        Factory.Dispose();
        NpgsqlConnection.ClearAllPools();
        using var c = new NpgsqlConnection(_server);
        c.Open();
        using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", c);
        cmd.ExecuteNonQuery();
    }
}
