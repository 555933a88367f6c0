using System.Data;
using System.Data.Common;
using System.Diagnostics;
using CertPlatform.Web.Data;

namespace CertPlatform.Web.Features.Exams;

/// <summary>
/// Writes one batch of the <see cref="AnswerWriter"/> in one transaction and says what became of each save; the one owner
/// of the autosave SQL. Each save is one upsert whose affected-row count says saved (1) or refused (0); the refused ones
/// then get one read each, in the same transaction, telling Stale (with the stored answer) from Closed. Results are
/// returned only after COMMIT; a failing statement throws, and the rolled-back transaction leaves nothing of the batch.
/// <list type="bullet">
/// <item>PostgreSQL (the connection can create a <see cref="DbBatch"/>): all upserts of the batch go to the server in one
/// round trip, one batch command per save, each reporting its own <see cref="DbBatchCommand.RecordsAffected"/>. The
/// batch is prepared: Npgsql keeps the prepared statement on the physical connection (the app's pool does not reset
/// connections, docs/deploy.md "The connection pool"), so only the first batch on a connection parses and plans; later
/// batches find the same SQL prepared and only bind and execute.</item>
/// <item>SQLite (in process, no round trips to save): one command runs once per save.</item>
/// </list>
/// </summary>
public sealed class AnswerBatch(DbConnection connection, bool postgres)
{
    // Insert, or move forward only while the attempt is in progress: from the seq the client based the
    // answer on (another device's save since then makes it stale), or — without a base — from any lower
    // seq. The same seq with the same response is a retry after a lost reply and succeeds again.
    private readonly string _upsert = $"""
        INSERT INTO "AttemptAnswers" ("AttemptId", "QuestionRef", "ResponseJson", "Seq", "SavedAtMs")
        SELECT @a, @q, @r, @s, @t WHERE EXISTS (SELECT 1 FROM "Attempts" WHERE "Id" = @a AND "Status" = 'InProgress'{(postgres ? " FOR SHARE" : "")})
        ON CONFLICT ("AttemptId", "QuestionRef") DO UPDATE SET "ResponseJson" = excluded."ResponseJson", "Seq" = excluded."Seq", "SavedAtMs" = excluded."SavedAtMs"
        WHERE (@b < 0 AND excluded."Seq" > "AttemptAnswers"."Seq")
           OR (@b >= 0 AND "AttemptAnswers"."Seq" = @b AND excluded."Seq" > @b)
           OR ("AttemptAnswers"."Seq" = excluded."Seq" AND "AttemptAnswers"."ResponseJson" = excluded."ResponseJson")
        """;

    // Only after a refusal: was it the attempt (finished) or the answer (stale)?
    private const string Stored = """
        SELECT t."Status", aa."Seq", aa."ResponseJson" FROM "Attempts" t
        LEFT JOIN "AttemptAnswers" aa ON aa."AttemptId" = t."Id" AND aa."QuestionRef" = @q
        WHERE t."Id" = @a
        """;

    /// <summary>The <see cref="Stopwatch"/> timestamp at which the last batch's COMMIT began (for the writer's slow-batch log).</summary>
    public long CommitStarted { get; private set; }

    /// <summary>Writes and commits the saves; returns their outcomes in the same order.</summary>
    public async Task<WriteResult[]> WriteAsync(IReadOnlyList<AnswerSave> saves)
    {
        var results = new WriteResult[saves.Count];
        await using var tx = await connection.BeginTransactionAsync();
        var saved = connection.CanCreateBatch ? await UpsertInOneRoundTripAsync(tx, saves) : await UpsertOneByOneAsync(tx, saves);
        DbCommand? stored = null;
        try
        {
            for (var i = 0; i < saves.Count; i++)
            {
                var s = saves[i];
                if (saved[i])
                {
                    results[i] = new WriteResult(WriteOutcome.Saved, s.Seq);
                    continue;
                }
                stored ??= Command(tx, Stored, ("@a", DbType.String), ("@q", DbType.Int32));
                stored.Parameters[0].Value = s.AttemptId;
                stored.Parameters[1].Value = s.QuestionRef;
                await using var row = await stored.ExecuteReaderAsync();
                results[i] = !await row.ReadAsync() || row.GetString(0) != AttemptStatus.InProgress || row.IsDBNull(1)
                    ? new WriteResult(WriteOutcome.Closed, 0)
                    : new WriteResult(WriteOutcome.Stale, row.GetInt64(1), row.GetString(2));
            }
        }
        finally
        {
            if (stored is not null) await stored.DisposeAsync();
        }
        CommitStarted = Stopwatch.GetTimestamp();
        await tx.CommitAsync();
        return results;
    }

    private async Task<bool[]> UpsertInOneRoundTripAsync(DbTransaction tx, IReadOnlyList<AnswerSave> saves)
    {
        await using var batch = connection.CreateBatch();
        batch.Transaction = tx;
        foreach (var s in saves)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = _upsert;
            Declare(command.Parameters, command.CreateParameter);
            Set(command.Parameters, s);
            batch.BatchCommands.Add(command);
        }
        await batch.PrepareAsync(); // a round trip only the first time this connection sees the statement
        await batch.ExecuteNonQueryAsync();
        var saved = new bool[saves.Count];
        for (var i = 0; i < saved.Length; i++) saved[i] = batch.BatchCommands[i].RecordsAffected == 1;
        return saved;
    }

    private async Task<bool[]> UpsertOneByOneAsync(DbTransaction tx, IReadOnlyList<AnswerSave> saves)
    {
        await using var upsert = connection.CreateCommand();
        upsert.Transaction = tx;
        upsert.CommandText = _upsert;
        Declare(upsert.Parameters, upsert.CreateParameter);
        var saved = new bool[saves.Count];
        for (var i = 0; i < saved.Length; i++)
        {
            Set(upsert.Parameters, saves[i]);
            saved[i] = await upsert.ExecuteNonQueryAsync() == 1;
        }
        return saved;
    }

    /// <summary>The upsert's parameters, typed, so every execution matches the prepared statement.</summary>
    private static void Declare(DbParameterCollection parameters, Func<DbParameter> create)
    {
        foreach (var (name, type) in UpsertParameters)
        {
            var p = create();
            p.ParameterName = name;
            p.DbType = type;
            parameters.Add(p);
        }
    }

    private static readonly (string Name, DbType Type)[] UpsertParameters =
        [("@a", DbType.String), ("@q", DbType.Int32), ("@r", DbType.String), ("@s", DbType.Int64), ("@t", DbType.Int64), ("@b", DbType.Int64)];

    private static void Set(DbParameterCollection p, AnswerSave s)
    {
        p[0].Value = s.AttemptId;
        p[1].Value = s.QuestionRef;
        p[2].Value = s.ResponseJson;
        p[3].Value = s.Seq;
        p[4].Value = s.SavedAtMs;
        p[5].Value = s.BaseSeq;
    }

    private DbCommand Command(DbTransaction tx, string text, params (string Name, DbType Type)[] parameters)
    {
        var c = connection.CreateCommand();
        c.Transaction = tx;
        c.CommandText = text;
        foreach (var (name, type) in parameters)
        {
            var p = c.CreateParameter();
            p.ParameterName = name;
            p.DbType = type;
            c.Parameters.Add(p);
        }
        return c;
    }
}
