using System.Net;
using System.Net.Sockets;
using CertPlatform.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CertPlatform.UnitTests.Infrastructure;

/// <summary>
/// The rule "this exception means the database is overloaded" on exceptions the providers really throw: SQLite's busy and
/// locked errors and a constraint violation provoked on real databases, Npgsql's timeout from a server that never answers,
/// its failure on a server that refuses the connection (unreachable), and the exception types Npgsql raises for an exhausted pool and server errors.
/// (tests/…IntegrationTests/Infrastructure/DatabaseOverloadTests exhausts a real PostgreSQL pool end to end.)
/// </summary>
public sealed class DatabaseOverloadTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("certplatform-overload-").FullName;

    private SqliteConnection Open(string name, int timeoutSeconds = 1)
    {
        var c = new SqliteConnection($"Data Source={Path.Combine(_folder, name)};Default Timeout={timeoutSeconds};Pooling=False");
        c.Open();
        return c;
    }

    private static void Run(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    [Fact]
    public void A_sqlite_write_while_another_connection_holds_an_exclusive_transaction_is_busy_and_overload()
    {
        using var holder = Open("busy.db");
        Run(holder, "PRAGMA journal_mode=WAL; CREATE TABLE t (x INTEGER)");
        Run(holder, "BEGIN EXCLUSIVE; INSERT INTO t VALUES (1)");
        using var writer = Open("busy.db");
        var e = Assert.Throws<SqliteException>(() => Run(writer, "INSERT INTO t VALUES (2)"));

        Assert.Equal(5, e.SqliteErrorCode); // SQLITE_BUSY, after the 1 s busy timeout
        Assert.Equal(DatabaseOverload.Busy, DatabaseOverload.Reason(e));
        Assert.True(DatabaseOverload.Is(e));
    }

    [Fact]
    public void A_sqlite_read_of_a_table_another_shared_cache_connection_is_writing_is_locked_and_overload()
    {
        var shared = $"Data Source=file:overload-{Guid.NewGuid():N}?mode=memory&cache=shared;Default Timeout=1";
        using var holder = new SqliteConnection(shared);
        holder.Open();
        Run(holder, "CREATE TABLE t (x INTEGER); BEGIN; INSERT INTO t VALUES (1)");
        using var reader = new SqliteConnection(shared);
        reader.Open();
        var e = Assert.Throws<SqliteException>(() => Run(reader, "SELECT count(*) FROM t"));

        Assert.Equal(6, e.SqliteErrorCode); // SQLITE_LOCKED (extended: SQLITE_LOCKED_SHAREDCACHE)
        Assert.Equal(DatabaseOverload.Locked, DatabaseOverload.Reason(e));
    }

    [Fact]
    public void A_sqlite_constraint_violation_is_not_overload_not_even_wrapped_by_ef_core()
    {
        using var c = Open("constraint.db");
        Run(c, "CREATE TABLE t (x INTEGER PRIMARY KEY); INSERT INTO t VALUES (1)");
        var e = Assert.Throws<SqliteException>(() => Run(c, "INSERT INTO t VALUES (1)"));

        Assert.Equal(19, e.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Null(DatabaseOverload.Reason(e));
        Assert.False(DatabaseOverload.Is(new DbUpdateException("An error occurred while saving the entity changes.", e)));
    }

    [Fact]
    public void A_busy_error_wrapped_by_ef_core_or_an_aggregate_is_still_overload()
    {
        using var holder = Open("wrapped.db");
        Run(holder, "CREATE TABLE t (x INTEGER); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1)");
        using var writer = Open("wrapped.db");
        var busy = Assert.Throws<SqliteException>(() => Run(writer, "INSERT INTO t VALUES (2)"));

        Assert.True(DatabaseOverload.Is(new DbUpdateException("An error occurred while saving the entity changes.", busy)));
        Assert.True(DatabaseOverload.Is(new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", busy)));
        Assert.True(DatabaseOverload.Is(new AggregateException(new InvalidOperationException("other"), busy)));
    }

    [Fact]
    public async Task An_npgsql_connection_that_times_out_waiting_for_the_server_is_overload()
    {
        // A server that accepts the connection and never answers: Npgsql gives up after the connection string's Timeout.
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            var port = ((IPEndPoint)silent.LocalEndpoint).Port;
            await using var c = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=x;Timeout=1;Pooling=false");
            var e = await Assert.ThrowsAnyAsync<NpgsqlException>(() => c.OpenAsync());

            Assert.IsType<TimeoutException>(e.InnerException);
            Assert.Equal(DatabaseOverload.Timeout, DatabaseOverload.Reason(e));
        }
        finally { silent.Stop(); }
    }

    [Fact]
    public void Npgsqls_exhausted_pool_error_is_overload()
    {
        // What Npgsql throws when no pooled connection became free within Timeout (its message, its types).
        var e = new NpgsqlException("The connection pool has been exhausted, either raise 'Max Pool Size' (currently 1) or 'Timeout' (currently 1 seconds) in your connection string.",
            new TimeoutException());
        Assert.Equal(DatabaseOverload.Timeout, DatabaseOverload.Reason(e));
        Assert.True(DatabaseOverload.Is(new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", e)));
    }

    [Fact]
    public async Task A_postgresql_server_that_refuses_the_connection_is_unreachable()
    {
        // Nothing listens on a port just released: the connection is refused (a socket error, not a timeout) — PostgreSQL down.
        var free = new TcpListener(IPAddress.Loopback, 0);
        free.Start();
        var port = ((IPEndPoint)free.LocalEndpoint).Port;
        free.Stop();
        await using var c = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=x;Timeout=2;Pooling=false");
        var e = await Assert.ThrowsAnyAsync<NpgsqlException>(() => c.OpenAsync());

        Assert.IsNotType<TimeoutException>(e.InnerException);
        Assert.Equal(DatabaseOverload.Unreachable, DatabaseOverload.Reason(e));
        Assert.Equal(DatabaseOverload.Unreachable, DatabaseOverload.Reason(new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", e)));
    }

    [Fact]
    public void A_socket_error_outside_npgsql_is_not_the_database()
    {
        Assert.Null(DatabaseOverload.Reason(new SocketException((int)SocketError.ConnectionRefused)));
        Assert.Null(DatabaseOverload.Reason(new HttpRequestException("a web service is down", new SocketException((int)SocketError.ConnectionRefused))));
    }

    [Fact]
    public void A_sqlite_file_that_cannot_be_opened_is_a_configuration_error_not_unreachable()
    {
        var missing = Path.Combine(_folder, "no-such-folder", "app.db");
        using var c = new SqliteConnection($"Data Source={missing};Mode=ReadWrite;Pooling=False");
        var e = Assert.Throws<SqliteException>(() => c.Open());

        Assert.Equal(14, e.SqliteErrorCode); // SQLITE_CANTOPEN: "unable to open database file"
        Assert.Null(DatabaseOverload.Reason(e));
    }

    [Theory]
    [InlineData("53300", DatabaseOverload.Refused)] // too_many_connections
    [InlineData("53200", DatabaseOverload.Refused)] // out_of_memory
    [InlineData("57P03", DatabaseOverload.Refused)] // cannot_connect_now (starting up)
    [InlineData("57014", DatabaseOverload.Refused)] // query_canceled (statement_timeout)
    [InlineData("23505", null)] // unique_violation
    [InlineData("42P01", null)] // undefined_table
    [InlineData("40001", null)] // serialization_failure: a conflict of this request, not a busy server
    public void A_postgresql_error_is_overload_only_for_lack_of_resources_or_a_timeout(string sqlState, string? reason)
    {
        var e = new PostgresException("server error", "ERROR", "ERROR", sqlState);
        Assert.Equal(reason, DatabaseOverload.Reason(e));
        Assert.Equal(reason, DatabaseOverload.Reason(new DbUpdateException("An error occurred while saving the entity changes.", e)));
    }

    [Fact]
    public void A_timeout_outside_the_database_is_not_overload()
    {
        Assert.Null(DatabaseOverload.Reason(new TimeoutException("an HTTP call timed out")));
        Assert.Null(DatabaseOverload.Reason(new InvalidOperationException("outer", new TimeoutException())));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
