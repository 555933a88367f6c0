using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CertPlatform.IntegrationTests.Data;

/// <summary>The Wave2bPools migration fills the new pool column of existing questions from their current version's JSON (real SQLite file).</summary>
public sealed class QuestionPoolMigrationTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "certplatform-pool-migration-" + Guid.NewGuid().ToString("N") + ".db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    private static string Json(string id, QuestionPool pool) => QuestionJson.Serialize(new Question
    {
        Id = id, Type = QuestionType.TrueFalse, Stem = "题干 " + id, Explanation = "解析", Difficulty = 2, LessonId = "p1-swot", TrueFalseAnswer = true, Pool = pool,
    });

    [Fact]
    public async Task Existing_questions_get_the_pool_of_their_current_version()
    {
        await using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={_file}").Options);
        var migrator = db.GetService<IMigrator>();
        var all = db.Database.GetMigrations().ToList();
        var pools = all.Single(m => m.EndsWith("_Wave2bPools", StringComparison.Ordinal));
        await migrator.MigrateAsync(all[all.IndexOf(pools) - 1]);

        // secure-now: secure in its current version 2; was-secure: secure only in an older version; practice: never.
        var rows = new[] { ("secure-now", 2, new[] { QuestionPool.Practice, QuestionPool.Secure }), ("was-secure", 2, new[] { QuestionPool.Secure, QuestionPool.Practice }), ("practice", 1, new[] { QuestionPool.Practice }) };
        foreach (var (id, current, versions) in rows)
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO Questions (Id, LessonId, PartId, Type, Status, Difficulty, Tags, StemText, CurrentVersion, Origin, ContentUpdatePending, UpdatedAt, UpdatedBy) " +
                "VALUES ({0}, 'p1-swot', 'part1', 'TrueFalse', 'Ready', 2, '|', '', {1}, 'content', 0, 0, '')", id, current);
            for (var v = 0; v < versions.Length; v++)
                await db.Database.ExecuteSqlRawAsync("INSERT INTO QuestionVersions (QuestionId, Version, PayloadJson, CreatedAt, CreatedBy, Note) VALUES ({0}, {1}, {2}, 0, 'content', '')",
                    id, v + 1, Json(id, versions[v]));
        }

        await migrator.MigrateAsync();
        var filled = await db.Questions.AsNoTracking().ToDictionaryAsync(q => q.Id, q => q.Pool);
        Assert.Equal(QuestionPool.Secure, filled["secure-now"]);
        Assert.Equal(QuestionPool.Practice, filled["was-secure"]);
        Assert.Equal(QuestionPool.Practice, filled["practice"]);
        Assert.Equal(0, await db.Mistakes.CountAsync(m => m.Concealed));
    }
}
