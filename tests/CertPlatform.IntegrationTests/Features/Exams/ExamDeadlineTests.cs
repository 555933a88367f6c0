using System.Net;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Exams.Contract;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CertPlatform.IntegrationTests.Features.Exams;

/// <summary>
/// One deadline rule with one grace for every path: the exam page, the API's saves, starting (resuming)
/// and the background finisher agree on when an attempt is over. Real app, SQLite file, fake clock.
/// </summary>
public sealed class ExamDeadlineTests : IDisposable
{
    private const string Mock = FakeClockExamApp.MockPaper;
    private readonly FakeClockExamApp _app = new();
    private FakeTimeProvider _clock => _app.Clock;
    private AppFactory _factory => _app.Factory;

    public void Dispose() => _app.Dispose();

    private Task<Attempt> AttemptAsync(string id) => ExamScenario.AttemptAsync(_factory, id);

    [Fact]
    public async Task Within_the_grace_the_page_is_shown_answers_are_accepted_and_start_resumes_after_it_every_path_says_over()
    {
        var client = await _app.TraineeAsync("grace@demo.local");
        var started = await (await client.StartAsync(Mock)).ReadAsync<AttemptStarted>();
        var id = started.AttemptId;

        // Reloaded 2 s after the deadline (answers still queued in the browser): the page is shown, not finished,
        // so it can send them; the API takes them; starting again resumes the same attempt.
        _clock.Advance(started.DeadlineUtc - _clock.GetUtcNow() + TimeSpan.FromSeconds(2));
        var page = await client.GetAsync($"/exams/attempt/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(AttemptStatus.InProgress, (await AttemptAsync(id)).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.SaveAsync(id, 0, new { selected = new[] { 1 } }, 1, baseSeq: 0)).StatusCode);
        var again = await (await client.StartAsync(Mock)).ReadAsync<AttemptStarted>();
        Assert.Equal((id, true), (again.AttemptId, again.Resumed));
        Assert.Equal(AttemptStatus.InProgress, (await AttemptAsync(id)).Status);

        // One second past deadline + grace: the page finishes the attempt (at its deadline) and shows the result;
        // the API refuses answers.
        _clock.Advance(TimeSpan.FromSeconds(9));
        var late = await client.GetAsync($"/exams/attempt/{id}");
        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.Equal($"/exams/attempt/{id}/result", late.Headers.Location!.ToString());
        var finished = await AttemptAsync(id);
        Assert.Equal((AttemptStatus.Finished, FinishReason.Deadline, started.DeadlineUtc), (finished.Status, finished.FinishReason, finished.FinishedAt!.Value));
        Assert.Equal(HttpStatusCode.Gone, (await client.SaveAsync(id, 1, new { selected = new[] { 1 } }, 1)).StatusCode);
        var item = await _factory.ScopedAsync(db => db.AttemptItems.AsNoTracking().SingleAsync(i => i.AttemptId == id && i.QuestionRef == 0));
        Assert.True(item.Answered); // the answer replayed within the grace was graded
    }

    [Fact]
    public async Task The_finisher_leaves_attempts_alone_within_the_grace_and_finishes_them_after_it()
    {
        var client = await _app.TraineeAsync("finisher@demo.local");
        var started = await (await client.StartAsync(Mock)).ReadAsync<AttemptStarted>();
        var overdue = _factory.Services.GetRequiredService<CertPlatform.Web.Features.Exams.OverdueAttempts>();

        _clock.Advance(started.DeadlineUtc - _clock.GetUtcNow() + TimeSpan.FromSeconds(FakeClockExamApp.GraceSeconds)); // exactly deadline + grace: still open
        Assert.Equal(0, await overdue.FinishOverdueAsync(CancellationToken.None));
        Assert.Equal(AttemptStatus.InProgress, (await AttemptAsync(started.AttemptId)).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.SaveAsync(started.AttemptId, 0, new { selected = new[] { 0 } }, 1)).StatusCode);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var finished = await _factory.ScopedAsync(async db =>
        {
            // The background scan may get there first; either way it is finished at the deadline.
            await overdue.FinishOverdueAsync(CancellationToken.None);
            return await db.Attempts.AsNoTracking().SingleAsync(a => a.Id == started.AttemptId);
        });
        Assert.Equal((AttemptStatus.Finished, started.DeadlineUtc), (finished.Status, finished.FinishedAt!.Value));
        var resumed = await client.StartAsync(Mock);
        Assert.NotEqual(started.AttemptId, (await resumed.ReadAsync<AttemptStarted>()).AttemptId);
    }
}
