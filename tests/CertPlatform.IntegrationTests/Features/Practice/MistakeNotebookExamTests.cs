using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Practice;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CertPlatform.IntegrationTests.Features.Practice;

/// <summary>
/// The notebook's exam path (<see cref="MistakeNotebook.RecordExamAsync"/>: one upsert for the wrong answers, one update
/// for the right ones) on SQLite and PostgreSQL: every case of the notebook's rule gives the stored entry the rule says,
/// and an attempt holding a question twice counts its answers in order.
/// </summary>
public sealed class MistakeNotebookExamTests(BothProviders providers) : IClassFixture<BothProviders>
{
    private static readonly DateTimeOffset Before = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(BothProviders.Sqlite)]
    [InlineData(BothProviders.Postgres)]
    public async Task Every_case_of_the_rule_is_stored_as_the_rule_says(string provider)
    {
        var factory = providers.Factory(provider);
        var userId = (await factory.CreateTraineeAsync($"notebook-exam-{provider}@demo.local")).Id;
        await StoreAsync(factory,
            Entry(userId, "nb-open", wrongCount: 2, rightStreak: 1),            // wrong again: counted, streak back to 0
            Entry(userId, "nb-cleared", wrongCount: 1, rightStreak: 2, cleared: true), // wrong again: re-opened
            Entry(userId, "nb-streak1", wrongCount: 1, rightStreak: 1),         // right: second in a row, cleared
            Entry(userId, "nb-streak0", wrongCount: 3, rightStreak: 0),         // right: first in a row
            Entry(userId, "nb-cleared-right", wrongCount: 1, rightStreak: 2, cleared: true), // right: stays as it is
            Entry(userId, "nb-concealed", wrongCount: 1, rightStreak: 0, concealed: true)); // wrong, not concealed now: stays concealed

        await RecordAsync(factory, userId, ["nb-new-concealed"],
            Item("nb-new", correct: false), Item("nb-new-concealed", correct: false), Item("nb-open", correct: false),
            Item("nb-cleared", correct: false), Item("nb-streak1", correct: true), Item("nb-streak0", correct: true),
            Item("nb-cleared-right", correct: true), Item("nb-right-unknown", correct: true), Item("nb-concealed", correct: false),
            Item("nb-unanswered", correct: false, answered: false), Item("nb-essay", correct: false, manualMax: 10m));

        var stored = await factory.ScopedAsync(db => db.Mistakes.AsNoTracking().Where(m => m.UserId == userId).ToDictionaryAsync(m => m.QuestionId));
        Assert.Equal(
            new[] { "nb-cleared", "nb-cleared-right", "nb-concealed", "nb-new", "nb-new-concealed", "nb-open", "nb-streak0", "nb-streak1" },
            stored.Keys.Order(StringComparer.Ordinal));
        AssertEntry(stored["nb-new"], first: Now, last: Now, wrongCount: 1, rightStreak: 0, cleared: null, concealed: false, lesson: "lesson-nb-new");
        AssertEntry(stored["nb-new-concealed"], first: Now, last: Now, wrongCount: 1, rightStreak: 0, cleared: null, concealed: true, lesson: "lesson-nb-new-concealed");
        AssertEntry(stored["nb-open"], first: Before, last: Now, wrongCount: 3, rightStreak: 0, cleared: null, concealed: false);
        AssertEntry(stored["nb-cleared"], first: Before, last: Now, wrongCount: 2, rightStreak: 0, cleared: null, concealed: false);
        AssertEntry(stored["nb-streak1"], first: Before, last: Before, wrongCount: 1, rightStreak: 2, cleared: Now, concealed: false);
        AssertEntry(stored["nb-streak0"], first: Before, last: Before, wrongCount: 3, rightStreak: 1, cleared: null, concealed: false);
        AssertEntry(stored["nb-cleared-right"], first: Before, last: Before, wrongCount: 1, rightStreak: 2, cleared: Before, concealed: false);
        AssertEntry(stored["nb-concealed"], first: Before, last: Now, wrongCount: 2, rightStreak: 0, cleared: null, concealed: true);
    }

    [Theory]
    [InlineData(BothProviders.Sqlite)]
    [InlineData(BothProviders.Postgres)]
    public async Task A_question_held_twice_counts_its_answers_in_order(string provider)
    {
        var factory = providers.Factory(provider);
        var userId = (await factory.CreateTraineeAsync($"notebook-twice-{provider}@demo.local")).Id;
        await StoreAsync(factory, Entry(userId, "nb-twice-stored", wrongCount: 1, rightStreak: 1));

        await RecordAsync(factory, userId, [],
            Item("nb-twice-new", correct: false), Item("nb-twice-new", correct: true),
            Item("nb-twice-stored", correct: true), Item("nb-twice-stored", correct: false));

        var stored = await factory.ScopedAsync(db => db.Mistakes.AsNoTracking().Where(m => m.UserId == userId).ToDictionaryAsync(m => m.QuestionId));
        // Wrong, then right: a new entry with one right answer.
        AssertEntry(stored["nb-twice-new"], first: Now, last: Now, wrongCount: 1, rightStreak: 1, cleared: null, concealed: false, lesson: "lesson-nb-twice-new");
        // Right (second in a row: cleared), then wrong: re-opened and counted.
        AssertEntry(stored["nb-twice-stored"], first: Before, last: Now, wrongCount: 2, rightStreak: 0, cleared: null, concealed: false);
    }

    /// <summary>Records the items the way finishing does: inside a transaction, then the caller's save and commit.</summary>
    private static async Task RecordAsync(AppFactory factory, string userId, IReadOnlyCollection<string> concealed, params AttemptItem[] items)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        await new MistakeNotebook(db, new FakeTimeProvider(Now)).RecordExamAsync(userId, items, concealed.ToHashSet(), CancellationToken.None);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }

    private static async Task StoreAsync(AppFactory factory, params MistakeEntry[] entries)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Mistakes.AddRange(entries);
        await db.SaveChangesAsync();
    }

    private static MistakeEntry Entry(string userId, string questionId, int wrongCount, int rightStreak, bool cleared = false, bool concealed = false) => new()
    {
        UserId = userId, QuestionId = questionId, LessonId = "lesson-" + questionId, PartId = "part-stored", FirstWrongAt = Before, LastWrongAt = Before,
        WrongCount = wrongCount, RightStreak = rightStreak, ClearedAt = cleared ? Before : null, Concealed = concealed,
    };

    private static AttemptItem Item(string questionId, bool correct, bool answered = true, decimal manualMax = 0m) => new()
    {
        AttemptId = "nb-attempt", QuestionId = questionId, LessonId = "lesson-" + questionId, PartId = "part-new", Points = 1m,
        Answered = answered, Correct = correct, ManualMax = manualMax,
    };

    private static void AssertEntry(MistakeEntry e, DateTimeOffset first, DateTimeOffset last, int wrongCount, int rightStreak, DateTimeOffset? cleared,
        bool concealed, string? lesson = null)
    {
        Assert.Equal((first, last, wrongCount, rightStreak, cleared, concealed), (e.FirstWrongAt, e.LastWrongAt, e.WrongCount, e.RightStreak, e.ClearedAt, e.Concealed));
        // A stored entry keeps its lesson and part; a new one takes the item's.
        Assert.Equal(lesson is null ? ("lesson-" + e.QuestionId, "part-stored") : (lesson, "part-new"), (e.LessonId, e.PartId));
    }
}
