using System.Data.Common;
using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>
/// Reads a large projection row by row with the provider's own data reader: EF Core composes the SQL (filters,
/// joins, parameters) and the caller reads the columns by position, in the order of the projection's members,
/// with no entity or anonymous object materialised per row. For the million-row reads of item analysis.
/// </summary>
internal static class QueryRows
{
    public static async IAsyncEnumerable<DbDataReader> ReadAsync<T>(AppDbContext db, IQueryable<T> query,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = query.CreateDbCommand();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) yield return reader;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
