using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CertPlatform.Web.Infrastructure;

/// <summary>
/// Inserts many rows of one entity type in one <c>INSERT … VALUES (…), (…)</c> statement (per
/// <see cref="MaxParameters"/>) instead of EF's one INSERT per row: on PostgreSQL each statement is parsed, planned and
/// counted on its own, so a graded attempt's 20 items cost 20 statements through SaveChanges and one here. Columns and
/// values come from the EF model: every mapped property, each value made a parameter by the property's own type mapping
/// (value converters included, e.g. SQLite's DateTimeOffset as a number), exactly as SaveChanges binds it. Runs at once,
/// in the context's current transaction; the rows are not tracked. Entities with store-generated or shadow properties are
/// refused (nothing here reads values back).
/// </summary>
public static class MultiRowInsert
{
    /// <summary>Parameters per statement: below SQLite's 32,766 and PostgreSQL's 65,535.</summary>
    public const int MaxParameters = 30_000;

    /// <param name="suffix">SQL after the VALUES list, e.g. an <c>ON CONFLICT … DO UPDATE</c> clause (both providers read it).</param>
    /// <returns>The rows the statements reported changed.</returns>
    public static async Task<int> InsertRowsAsync<T>(this DbContext db, IReadOnlyList<T> rows, CancellationToken ct, string suffix = "") where T : class
    {
        if (rows.Count == 0) return 0;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity of the model");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().ToList();
        var refused = columns.FirstOrDefault(p => p.IsShadowProperty() || p.ValueGenerated != ValueGenerated.Never);
        if (refused is not null) throw new InvalidOperationException($"{typeof(T).Name}.{refused.Name} is store-generated or shadow: insert it with SaveChanges");
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ";
        var perStatement = Math.Max(1, MaxParameters / columns.Count);
        var mappings = columns.Select(p => p.GetRelationalTypeMapping()).ToList();

        // Several statements are one change: in a transaction of their own when the caller has none.
        var own = rows.Count > perStatement && db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var changed = 0;
            await using var scratch = db.Database.GetDbConnection().CreateCommand(); // makes the provider's parameters
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - start);
                var text = new System.Text.StringBuilder(head, head.Length + count * columns.Count * 8 + suffix.Length + 2);
                var parameters = new List<DbParameter>(count * columns.Count);
                for (var r = 0; r < count; r++)
                {
                    text.Append(r == 0 ? "(" : ", (");
                    for (var c = 0; c < columns.Count; c++)
                    {
                        var name = "@p" + parameters.Count;
                        var property = columns[c];
                        var value = property.PropertyInfo is { } info ? info.GetValue(rows[start + r]) : property.FieldInfo!.GetValue(rows[start + r]);
                        parameters.Add(mappings[c].CreateParameter(scratch, name, value, property.IsNullable));
                        text.Append(c == 0 ? name : ", " + name);
                    }
                    text.Append(')');
                }
                if (suffix.Length > 0) text.Append(' ').Append(suffix);
                changed += await db.Database.ExecuteSqlRawAsync(text.ToString(), parameters, ct);
            }
            if (own is not null) await own.CommitAsync(ct);
            return changed;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }
}
