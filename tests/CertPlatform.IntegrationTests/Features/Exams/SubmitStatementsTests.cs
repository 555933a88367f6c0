using System.Diagnostics;
using System.Text.RegularExpressions;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CertPlatform.IntegrationTests.Features.Exams;

/// <summary>
/// What a submit sends to the database, on SQLite and PostgreSQL (EF's command events of this app's database only): the
/// graded items in one INSERT statement and the mistake notebook in one upsert and one update, whatever the number of
/// questions, and no savepoint — and the stored result is the same as before (20 items, the notebook entries of the wrong answers).
/// </summary>
public sealed partial class SubmitStatementsTests(BothProviders providers) : IClassFixture<BothProviders>
{
    [Theory]
    [InlineData(BothProviders.Sqlite)]
    [InlineData(BothProviders.Postgres)]
    public async Task A_submit_inserts_its_items_in_one_statement_and_writes_the_notebook_in_two(string provider)
    {
        var factory = providers.Factory(provider);
        var trainee = await factory.NewTraineeClientAsync($"submit-statements-{provider}@demo.local");
        var attemptId = await ExamScenario.StartAsync(trainee, "mock-part2");
        // Every other single-choice question wrong, the rest right: both notebook statements have work.
        var n = 0;
        await ExamScenario.AnswerAsync(factory, attemptId, (q, l) => q.Type == QuestionType.Single && n++ % 2 == 0 ? ExamScenario.WrongChoice(q, l) : ExamKeys.DisplayedKey(q, l));
        var database = await factory.ScopedAsync(db => Task.FromResult(db.Database.GetConnectionString()!));

        var commands = new List<string>();
        using (new CommandCapture(database, commands)) await ExamScenario.SubmitAsync(trainee, attemptId);

        var statements = commands.SelectMany(c => Statement().Matches(c).Select(m => m.Value)).ToList();
        Assert.Single(statements, s => s == "INSERT INTO \"AttemptItems\"");
        Assert.Single(statements, s => s == "INSERT INTO \"Mistakes\"");
        Assert.Single(statements, s => s == "UPDATE \"Mistakes\"");
        Assert.DoesNotContain(commands, c => c.Contains("SAVEPOINT", StringComparison.OrdinalIgnoreCase)); // the one save needs none
        Assert.Equal(20, await factory.ScopedAsync(db => db.AttemptItems.CountAsync(i => i.AttemptId == attemptId)));
        var userId = await factory.ScopedAsync(db => db.Attempts.Where(a => a.Id == attemptId).Select(a => a.UserId).SingleAsync());
        var wrong = await factory.ScopedAsync(db => db.AttemptItems.Where(i => i.AttemptId == attemptId && i.Answered && !i.Correct && i.ManualMax == 0)
            .Select(i => i.QuestionId).OrderBy(q => q).ToListAsync());
        Assert.NotEmpty(wrong);
        Assert.Equal(wrong, await factory.ScopedAsync(db => db.Mistakes.Where(m => m.UserId == userId).Select(m => m.QuestionId).OrderBy(q => q).ToListAsync()));
    }

    [GeneratedRegex("(INSERT INTO|UPDATE|DELETE FROM) \"[A-Za-z]+\"")]
    private static partial Regex Statement();

    /// <summary>Collects the text of every command EF executes on <paramref name="connectionString"/> until disposed.</summary>
    private sealed class CommandCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string _connectionString;
        private readonly List<string> _commands;
        private readonly List<IDisposable> _subscriptions = [];

        public CommandCapture(string connectionString, List<string> commands)
        {
            (_connectionString, _commands) = (connectionString, commands);
            lock (_subscriptions) _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
                lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Key == RelationalEventId.CommandExecuted.Name && e.Value is CommandExecutedEventData data
                && data.Context?.Database.GetConnectionString() == _connectionString)
                lock (_commands) _commands.Add(data.Command.CommandText);
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }

        public void Dispose()
        {
            lock (_subscriptions) foreach (var s in _subscriptions) s.Dispose();
        }
    }
}
