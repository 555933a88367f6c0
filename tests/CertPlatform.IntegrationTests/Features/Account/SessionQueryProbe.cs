using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CertPlatform.IntegrationTests.Features.Account;

/// <summary>
/// Counts the session reads that reach the database (the SELECT over "UserSessions" joined to "AspNetUsers" that
/// <see cref="Web.Features.Account.SessionCache"/> sends), as an EF command interceptor on the app's DbContext; the
/// other statements pass uncounted. <see cref="BeforeRead"/>, when set, runs before each counted read with its number
/// (1, 2, …): a test holds a read in flight there, or fails it.
/// </summary>
public sealed class SessionQueryProbe : DbCommandInterceptor
{
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public Func<int, Task>? BeforeRead { get; set; }

    public void Reset()
    {
        Volatile.Write(ref _reads, 0);
        BeforeRead = null;
    }

    public static bool IsSessionRead(string sql) =>
        sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
        && sql.Contains("\"UserSessions\"", StringComparison.Ordinal) && sql.Contains("\"AspNetUsers\"", StringComparison.Ordinal);

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (IsSessionRead(command.CommandText))
        {
            var n = Interlocked.Increment(ref _reads);
            if (BeforeRead is { } before) await before(n);
        }
        return result;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (IsSessionRead(command.CommandText)) Interlocked.Increment(ref _reads);
        return result;
    }
}
