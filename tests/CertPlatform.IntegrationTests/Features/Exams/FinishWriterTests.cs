using System.Net;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Exams;
using CertPlatform.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertPlatform.IntegrationTests.Features.Exams;

/// <summary>
/// Group commit of submits (<see cref="FinishWriter"/>, SQLite): the tests hold the single writer's gate while the submits
/// arrive, so they queue and are written in one transaction once it is let go. Every rule of a submit holds inside one
/// batch: each attempt graded once with its own totals, items and notebook; two submits of one attempt finish it once; a save
/// that arrived after the preload is graded; one attempt that cannot be written does not take the others with it. On
/// PostgreSQL (open gate) the same submits are written one transaction each.
/// </summary>
public sealed class FinishWriterTests(BothProviders providers) : IClassFixture<BothProviders>
{
    private const string Paper = "mock-part2";

    [Theory]
    [InlineData(BothProviders.Sqlite)]
    [InlineData(BothProviders.Postgres)]
    public async Task Concurrent_submits_of_different_attempts_are_each_graded_once_with_their_own_totals_items_and_notebook(string provider)
    {
        var factory = providers.Factory(provider);
        const int count = 8;
        var attempts = new List<(HttpClient Trainee, string AttemptId)>();
        for (var k = 0; k < count; k++)
        {
            var trainee = await factory.NewTraineeClientAsync($"finish-writer-many-{k}-{provider}@demo.local");
            var attemptId = await ExamScenario.StartAsync(trainee, Paper);
            // Attempt k answers its first k single-choice questions wrongly and the rest rightly: every attempt's score differs.
            var singles = 0;
            await ExamScenario.AnswerAsync(factory, attemptId, (q, l) => q.Type == QuestionType.Single && singles++ < k ? ExamScenario.WrongChoice(q, l) : ExamKeys.DisplayedKey(q, l));
            attempts.Add((trainee, attemptId));
        }

        var responses = await SubmitTogetherAsync(factory, attempts);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var scores = new HashSet<decimal?>();
        for (var k = 0; k < count; k++)
        {
            var attemptId = attempts[k].AttemptId;
            var attempt = await ExamScenario.AttemptAsync(factory, attemptId);
            var items = await factory.ScopedAsync(db => db.AttemptItems.AsNoTracking().Where(i => i.AttemptId == attemptId).ToListAsync());
            Assert.Equal(AttemptStatus.Finished, attempt.Status);
            Assert.Equal(FinishReason.Submitted, attempt.FinishReason);
            Assert.Equal(20, items.Count);
            Assert.NotNull(attempt.GradedAt);
            var wrong = items.Where(i => i.Answered && !i.Correct && i.ManualMax == 0).Select(i => i.QuestionId).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(k, wrong.Count);
            Assert.Equal(AttemptScoring.Total(items.Select(i => new ScoredItem(i.Score, i.Points, i.NeedsManual)), attempt.PassMark).Score, attempt.Score);
            scores.Add(attempt.Score);
            var notebook = await factory.ScopedAsync(db => db.Mistakes.AsNoTracking().Where(m => m.UserId == attempt.UserId).Select(m => m.QuestionId).ToListAsync());
            Assert.Equal(wrong, notebook.Order(StringComparer.Ordinal).ToList());
        }
        Assert.Equal(count, scores.Count);
    }

    [Fact]
    public async Task Two_submits_of_one_attempt_in_one_batch_finish_it_once_and_both_answer_the_stored_result()
    {
        var factory = providers.Factory(BothProviders.Sqlite);
        var trainee = await factory.NewTraineeClientAsync("finish-writer-twice@demo.local");
        var attemptId = await ExamScenario.StartAsync(trainee, Paper);
        await ExamScenario.AnswerAsync(factory, attemptId, ExamKeys.DisplayedKey);

        var responses = await SubmitTogetherAsync(factory, [(trainee, attemptId), (trainee, attemptId)]);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(await responses[0].Content.ReadAsStringAsync(), await responses[1].Content.ReadAsStringAsync());
        Assert.Equal(20, await factory.ScopedAsync(db => db.AttemptItems.CountAsync(i => i.AttemptId == attemptId)));
        Assert.Equal(1, await factory.ScopedAsync(db => db.AttemptDigests.CountAsync(d => d.AttemptId == attemptId)));
    }

    [Fact]
    public async Task A_save_stored_after_the_submit_was_preloaded_and_queued_is_graded()
    {
        var factory = providers.Factory(BothProviders.Sqlite);
        var trainee = await factory.NewTraineeClientAsync("finish-writer-late-save@demo.local");
        var attemptId = await ExamScenario.StartAsync(trainee, Paper);
        var gate = factory.Services.GetRequiredService<SqliteWriteGate>();
        var writer = factory.Services.GetRequiredService<FinishWriter>();

        Task<HttpResponseMessage> submit;
        using (await gate.EnterAsync(CancellationToken.None))
        {
            submit = trainee.SubmitAsync(attemptId); // preloaded with no answer at all, graded, queued
            await UntilAsync(() => writer.InFlight == 1);
            // The answers arrive now (written straight into the file; SQLite's own lock is free while the gate is held).
            await ExamScenario.AnswerAsync(factory, attemptId, ExamKeys.DisplayedKey);
        }

        Assert.Equal(HttpStatusCode.OK, (await submit).StatusCode);
        var items = await factory.ScopedAsync(db => db.AttemptItems.AsNoTracking().Where(i => i.AttemptId == attemptId).ToListAsync());
        Assert.Equal(20, items.Count(i => i.Answered));
        Assert.Contains(items, i => i.Correct);
        Assert.True((await ExamScenario.AttemptAsync(factory, attemptId)).Score > 0);
    }

    [Fact]
    public async Task An_attempt_that_cannot_be_written_fails_alone_and_the_rest_of_its_batch_is_finished()
    {
        var factory = providers.Factory(BothProviders.Sqlite);
        var attempts = new List<(HttpClient Trainee, string AttemptId)>();
        for (var k = 0; k < 4; k++)
        {
            var trainee = await factory.NewTraineeClientAsync($"finish-writer-failing-{k}@demo.local");
            var attemptId = await ExamScenario.StartAsync(trainee, Paper);
            await ExamScenario.AnswerAsync(factory, attemptId, ExamKeys.DisplayedKey);
            attempts.Add((trainee, attemptId));
        }
        var failing = attempts[2].AttemptId;
        // The database refuses that attempt's items (a constraint of the test's own making).
        var trigger = "CREATE TRIGGER refuse_items BEFORE INSERT ON \"AttemptItems\" WHEN NEW.\"AttemptId\" = '" + failing
            + "' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;"; // an id the app generated: no quote in it
        await factory.ScopedAsync(db => db.Database.ExecuteSqlRawAsync(trigger));
        try
        {
            var responses = await SubmitTogetherAsync(factory, attempts);

            for (var k = 0; k < attempts.Count; k++)
            {
                var attempt = await ExamScenario.AttemptAsync(factory, attempts[k].AttemptId);
                var items = await factory.ScopedAsync(db => db.AttemptItems.CountAsync(i => i.AttemptId == attempt.Id));
                if (attempt.Id == failing)
                {
                    Assert.NotEqual(HttpStatusCode.OK, responses[k].StatusCode);
                    Assert.Equal(AttemptStatus.InProgress, attempt.Status); // rolled back whole: the trainee can submit again
                    Assert.Equal(0, items);
                }
                else
                {
                    Assert.Equal(HttpStatusCode.OK, responses[k].StatusCode);
                    Assert.Equal(AttemptStatus.Finished, attempt.Status);
                    Assert.Equal(20, items);
                }
            }
        }
        finally
        {
            await factory.ScopedAsync(db => db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS refuse_items;"));
        }
        await ExamScenario.SubmitAsync(attempts[2].Trainee, failing);
        Assert.Equal(AttemptStatus.Finished, (await ExamScenario.AttemptAsync(factory, failing)).Status);
    }

    /// <summary>
    /// Sends the submits while the test holds the write gate and lets it go once all of them wait for the finish writer
    /// (on SQLite; PostgreSQL's open gate holds nothing and its submits go straight through).
    /// </summary>
    private static async Task<HttpResponseMessage[]> SubmitTogetherAsync(AppFactory factory, IReadOnlyList<(HttpClient Trainee, string AttemptId)> attempts)
    {
        var gate = factory.Services.GetRequiredService<SqliteWriteGate>();
        var writer = factory.Services.GetRequiredService<FinishWriter>();
        Task<HttpResponseMessage[]> submits;
        using (await gate.EnterAsync(CancellationToken.None))
        {
            submits = Task.WhenAll(attempts.Select(a => a.Trainee.SubmitAsync(a.AttemptId)));
            if (gate.OneWriter) await UntilAsync(() => writer.InFlight == attempts.Count);
        }
        return await submits;
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the submits did not reach the finish writer within 30 s");
            await Task.Delay(10);
        }
    }
}
