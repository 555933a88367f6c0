using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CertPlatform.Web.Infrastructure;

/// <summary>
/// The one rule that says "this exception means the database is overloaded, not that the request is wrong", for both
/// providers. Such a failure is answered 503 with Retry-After (<see cref="DatabaseOverloadResponses"/>), the autosave
/// writer passes it on to the saves of its batch, and background loops log it as a warning and retry on their next round.
/// Overloaded means:
/// <list type="bullet">
/// <item>PostgreSQL: a wait that timed out — an <see cref="NpgsqlException"/> whose inner exception is a
/// <see cref="TimeoutException"/>: the connection pool was exhausted for longer than the connection string's
/// <c>Timeout</c>, or a command ran past <c>Command Timeout</c>; or the server refusing for lack of resources
/// (SQLSTATE class 53: too many connections, out of memory), still starting up (57P03), a lock it could not get in time
/// (55P03) or a statement cancelled by <c>statement_timeout</c> (57014).</item>
/// <item>SQLite: <c>SQLITE_BUSY</c> or <c>SQLITE_LOCKED</c> (extended codes included) after the busy timeout.</item>
/// <item>PostgreSQL that cannot be reached (<see cref="Unreachable"/>): an <see cref="NpgsqlException"/> caused by a
/// <see cref="SocketException"/> — the connection refused because the server is down or restarting, the host or network
/// unreachable, the connection reset. Not overload in the strict sense, but the same for a client: the request was fine
/// and a retry in a moment may succeed (readiness fails meanwhile, so a load balancer stops sending).</item>
/// </list>
/// Anything else — a constraint violation, a syntax error, a SQLite file that cannot be opened (<c>SQLITE_CANTOPEN</c>: a
/// configuration error, not a passing state) — is not: it stays an error. The rule looks through wrapping exceptions (EF Core's <c>DbUpdateException</c>, its "transient failure"
/// <see cref="InvalidOperationException"/>, <see cref="AggregateException"/>).
/// </summary>
public static class DatabaseOverload
{
    /// <summary>The reason for logs and the metric's <c>reason</c> tag: a timed-out wait (pool or command) on PostgreSQL.</summary>
    public const string Timeout = "timeout";
    /// <summary>PostgreSQL refused the work for lack of resources or a lock (SQLSTATE 53xxx, 57P03, 55P03, 57014).</summary>
    public const string Refused = "refused";
    /// <summary>SQLite's <c>SQLITE_BUSY</c>.</summary>
    public const string Busy = "busy";
    /// <summary>SQLite's <c>SQLITE_LOCKED</c>.</summary>
    public const string Locked = "locked";
    /// <summary>PostgreSQL could not be reached: a socket error under an <see cref="NpgsqlException"/> (connection refused, reset, no route).</summary>
    public const string Unreachable = "unreachable";

    private const int SqliteBusy = 5, SqliteLocked = 6;

    /// <summary>True when <paramref name="e"/> (or an exception it wraps) says the database is overloaded.</summary>
    public static bool Is(Exception e) => Reason(e) is not null;

    /// <summary>Why the database counts as overloaded (<see cref="Timeout"/>, <see cref="Refused"/>, <see cref="Busy"/>, <see cref="Locked"/>, <see cref="Unreachable"/>), or null when it does not.</summary>
    public static string? Reason(Exception e)
    {
        for (var depth = 0; depth < 8 && e is not null; depth++)
        {
            switch (e)
            {
                case PostgresException pg:
                    return pg.SqlState.StartsWith("53", StringComparison.Ordinal) || pg.SqlState is "57P03" or "55P03" or "57014" ? Refused : null;
                case NpgsqlException npgsql:
                    if (npgsql.InnerException is TimeoutException) return Timeout;
                    if (npgsql.InnerException is null) return null;
                    if (CausedBySocketError(npgsql)) return Unreachable;
                    break;
                case SqliteException sqlite:
                    return (sqlite.SqliteErrorCode & 0xFF) switch { SqliteBusy => Busy, SqliteLocked => Locked, _ => null };
                case AggregateException { InnerExceptions.Count: > 0 } many:
                    foreach (var inner in many.InnerExceptions)
                        if (Reason(inner) is { } reason) return reason;
                    return null;
            }
            e = e.InnerException!;
        }
        return null;
    }

    /// <summary>A socket error among the causes of Npgsql's exception (directly, or under the <see cref="IOException"/> of a broken stream).</summary>
    private static bool CausedBySocketError(NpgsqlException e)
    {
        for (var inner = e.InnerException; inner is not null and not NpgsqlException; inner = inner.InnerException)
            if (inner is SocketException) return true;
        return false;
    }
}
