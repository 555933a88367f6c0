using System.Data.Common;
using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// <see cref="MultiRowInsert"/> on both providers: rows come back exactly as SaveChanges would have stored them (decimals,
/// nulls, times through SQLite's number converter and PostgreSQL's timestamptz, booleans), across more rows than one
/// statement takes; and a statement that fails leaves none of the rows.
/// </summary>
public sealed class MultiRowInsertTests(BothProviders providers) : IClassFixture<BothProviders>
{
    // AttemptItem has 16 columns: 1,875 rows per statement, so 2,100 rows take two (checked in the test).
    private const int Rows = 2_100;
    private static readonly DateTimeOffset Graded = new(2026, 11, 30, 9, 15, 30, 123, TimeSpan.Zero);

    [Theory]
    [InlineData(BothProviders.Sqlite)]
    [InlineData(BothProviders.Postgres)]
    public async Task Rows_come_back_as_inserted_across_several_statements(string provider)
    {
        var factory = providers.Factory(provider);
        var attemptId = await AnAttemptAsync(factory, $"multirow-{provider}@demo.local");
        var rows = Items(attemptId, Rows);
        var columns = factory.Scoped(sp => sp.GetRequiredService<AppDbContext>().Model.FindEntityType(typeof(AttemptItem))!.GetProperties().Count());
        Assert.True(Rows > MultiRowInsert.MaxParameters / columns, $"{Rows} rows of {columns} columns fit one statement: the test needs two");

        var changed = await factory.ScopedAsync(db => db.InsertRowsAsync(rows, CancellationToken.None));

        Assert.Equal(Rows, changed);
        var stored = await factory.ScopedAsync(db => db.AttemptItems.AsNoTracking().Where(i => i.AttemptId == attemptId).OrderBy(i => i.QuestionRef).ToListAsync());
        Assert.Equal(Rows, stored.Count);
        for (var n = 0; n < Rows; n++)
        {
            var (expected, actual) = (rows[n], stored[n]);
            Assert.Equal((expected.QuestionRef, expected.QuestionId, expected.Version, expected.Section, expected.LessonId, expected.PartId),
                (actual.QuestionRef, actual.QuestionId, actual.Version, actual.Section, actual.LessonId, actual.PartId));
            Assert.Equal((expected.Points, expected.AutoScore, expected.ManualMax, expected.ManualScore),
                (actual.Points, actual.AutoScore, actual.ManualMax, actual.ManualScore));
            Assert.Equal((expected.ManualComment, expected.GradedBy, expected.GradedAt, expected.Answered, expected.Correct),
                (actual.ManualComment, actual.GradedBy, actual.GradedAt, actual.Answered, actual.Correct));
        }
    }

    [Theory]
    [InlineData(BothProviders.Sqlite)]
    [InlineData(BothProviders.Postgres)]
    public async Task A_statement_that_fails_leaves_none_of_the_rows(string provider)
    {
        var factory = providers.Factory(provider);
        var attemptId = await AnAttemptAsync(factory, $"multirow-fail-{provider}@demo.local");
        var rows = Items(attemptId, Rows);
        rows[^1].QuestionRef = rows[0].QuestionRef; // the second statement repeats a key of the first

        await Assert.ThrowsAnyAsync<DbException>(() => factory.ScopedAsync(db => db.InsertRowsAsync(rows, CancellationToken.None)));

        Assert.Equal(0, await factory.ScopedAsync(db => db.AttemptItems.CountAsync(i => i.AttemptId == attemptId)));
    }

    [Fact]
    public async Task Entities_with_store_generated_values_are_refused()
    {
        var factory = providers.Factory(BothProviders.Sqlite);
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.ScopedAsync(db => db.InsertRowsAsync(
            new List<AuditEntry> { new() { At = Graded, ActorId = "x", ActorName = "x", Action = "test.multirow", Target = "x", Details = "" } }, CancellationToken.None)));
        Assert.Contains("AuditEntry.Id", e.Message);
        Assert.Equal(0, await factory.ScopedAsync(db => db.AuditEntries.CountAsync(a => a.Action == "test.multirow")));
    }

    private static async Task<string> AnAttemptAsync(AppFactory factory, string email) =>
        await ExamScenario.StartAsync(await factory.NewTraineeClientAsync(email), "mock-part2");

    /// <summary>Every kind of value an item holds, varied by row: decimals with two places, nulls and not, times, both booleans.</summary>
    private static List<AttemptItem> Items(string attemptId, int count) => Enumerable.Range(0, count).Select(n => new AttemptItem
    {
        AttemptId = attemptId, QuestionRef = 1000 + n, QuestionId = $"multirow-q{n:0000}", Version = 1 + n % 3, Section = n % 4,
        LessonId = "p1-swot", PartId = n % 2 == 0 ? "part1" : "", Points = 1.25m + n % 7, AutoScore = n % 5 == 0 ? 0m : 0.75m,
        ManualMax = n % 9 == 0 ? 10m : 0m, ManualScore = n % 9 == 0 ? 7.5m : null, ManualComment = n % 9 == 0 ? "评语：条理清楚" : "",
        GradedBy = n % 9 == 0 ? "examiner-1" : null, GradedAt = n % 9 == 0 ? Graded.AddMinutes(n) : null,
        Answered = n % 3 != 0, Correct = n % 5 != 0,
    }).ToList();
}
