namespace CertPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// The real app twice, on a SQLite file and on a PostgreSQL database of its own, for tests of SQL that must behave the
/// same on both: a theory with <c>[InlineData(BothProviders.Sqlite)]</c> and <c>[InlineData(BothProviders.Postgres)]</c>
/// takes <see cref="Factory"/> of its provider (as a class fixture: each app starts once per test class).
/// </summary>
public sealed class BothProviders : IDisposable
{
    public const string Sqlite = "SQLite";
    public const string Postgres = "PostgreSQL";

    private readonly AppFactory _sqlite = new();
    private readonly PostgresDatabase _postgres = new();

    public AppFactory Factory(string provider) => provider switch
    {
        Sqlite => _sqlite,
        Postgres => _postgres.Factory,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "use BothProviders.Sqlite or BothProviders.Postgres"),
    };

    public void Dispose()
    {
        _sqlite.Dispose();
        _postgres.Dispose();
    }
}
