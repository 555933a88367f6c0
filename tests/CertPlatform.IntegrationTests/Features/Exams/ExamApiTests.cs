using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Exams.Contract;
using CertPlatform.Web.Features.Papers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CertPlatform.IntegrationTests.Features.Exams;

/// <summary>Every status of the exam API (docs/api.md), against the real app on a SQLite file, with a fake clock.</summary>
public sealed class ExamApiTests : IDisposable
{
    private const string Mock = FakeClockExamApp.MockPaper;
    private readonly FakeClockExamApp _app = new();
    private FakeTimeProvider _clock => _app.Clock;
    private AppFactory _factory => _app.Factory;

    public void Dispose() => _app.Dispose();

    private Task<HttpClient> Trainee(string? email = null) => _app.TraineeAsync(email);

    private static async Task<JsonObject> Start(HttpClient client, string paper = Mock)
    {
        var r = await client.StartAsync(paper);
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return await r.JsonAsync();
    }

    [Fact]
    public async Task Start_returns_201_with_a_server_deadline_and_questions_without_keys_and_a_second_start_resumes()
    {
        var client = await Trainee();
        var response = await client.StartAsync(Mock);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var body = await response.Content.ReadAsStringAsync();
        var start = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(DateTimeOffset.Parse((string)start["serverNowUtc"]!), _clock.GetUtcNow());
        Assert.Equal(_clock.GetUtcNow().AddMinutes(30), DateTimeOffset.Parse((string)start["deadlineUtc"]!));
        Assert.Equal(20, start["questions"]!.AsArray().Count);
        foreach (var leak in new[] { "\"correct\"", "explanation", "rubric", "trueFalseAnswer", "accepted" })
            Assert.DoesNotContain(leak, body, StringComparison.OrdinalIgnoreCase);

        var again = await Start(client);
        Assert.Equal((string)start["attemptId"]!, (string)again["attemptId"]!);
        Assert.True((bool)again["resumed"]!);
        Assert.Equal(1, await _factory.ScopedAsync(db => db.Attempts.CountAsync()));
    }

    [Fact]
    public async Task Answers_are_saved_newest_seq_wins_and_stale_seq_is_409()
    {
        var client = await Trainee();
        var id = (string)(await Start(client))["attemptId"]!;
        var ok = await client.SaveAsync(id, 0, new { selected = new[] { 1 } }, 1);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(1, (long)(await ok.JsonAsync())["seq"]!);
        Assert.Equal(HttpStatusCode.OK, (await client.SaveAsync(id, 0, new { selected = new[] { 2 } }, 3)).StatusCode);
        var stale = await client.SaveAsync(id, 0, new { selected = new[] { 0 } }, 2);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(3, (long)(await stale.JsonAsync())["storedSeq"]!);
        // A retry of the stored seq (its response was lost) is accepted again.
        Assert.Equal(HttpStatusCode.OK, (await client.SaveAsync(id, 0, new { selected = new[] { 2 } }, 3)).StatusCode);

        var state = await (await client.GetAsync($"/api/attempts/{id}")).JsonAsync();
        var saved = state["answers"]!.AsArray().Single()!;
        Assert.Equal(3, (long)saved["seq"]!);
        Assert.Equal(2, (int)saved["response"]!["selected"]![0]!);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SaveAsync(id, 999, new { text = "x" }, 1)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SaveAsync(id, 1, new { selected = "not a list" }, 1)).StatusCode);
    }

    [Fact]
    public async Task Another_trainees_attempt_is_404_for_every_call()
    {
        var owner = await Trainee();
        var id = (string)(await Start(owner))["attemptId"]!;
        var other = await Trainee("other@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/attempts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.SaveAsync(id, 0, new { selected = new[] { 0 } }, 1)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.SubmitAsync(id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/api/attempts/00000000000000000000000000000000")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.NewClient().GetAsync($"/api/attempts/{id}")).StatusCode);
    }

    [Fact]
    public async Task Unsafe_calls_without_the_antiforgery_header_are_refused()
    {
        var client = await Trainee();
        var id = (string)(await Start(client))["attemptId"]!;
        client.DefaultRequestHeaders.Remove("RequestVerificationToken");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SaveAsync(id, 0, new { selected = new[] { 0 } }, 1)).StatusCode);
        Assert.Equal(0, await _factory.ScopedAsync(db => db.AttemptAnswers.CountAsync()));
    }

    [Fact]
    public async Task After_the_deadline_and_grace_saves_are_410()
    {
        var client = await Trainee();
        var id = (string)(await Start(client))["attemptId"]!;
        _clock.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(5)); // within grace: accepted
        Assert.Equal(HttpStatusCode.OK, (await client.SaveAsync(id, 0, new { selected = new[] { 0 } }, 1)).StatusCode);
        _clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(HttpStatusCode.Gone, (await client.SaveAsync(id, 1, new { selected = new[] { 0 } }, 1)).StatusCode);
    }

    [Fact]
    public async Task Double_and_concurrent_submits_grade_once_and_return_the_same_result_and_later_saves_are_410()
    {
        var client = await Trainee();
        var start = await Start(client);
        var id = (string)start["attemptId"]!;
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await client.SaveAsync(id, i, new { selected = new[] { 0 } }, 1)).StatusCode);
        var submits = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.SubmitAsync(id)));
        Assert.All(submits, s => Assert.Equal(HttpStatusCode.OK, s.StatusCode));
        var bodies = await Task.WhenAll(submits.Select(s => s.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        var again = await (await client.SubmitAsync(id)).Content.ReadAsStringAsync();
        Assert.Equal(bodies[0], again);
        Assert.Equal(20, await _factory.ScopedAsync(db => db.AttemptItems.CountAsync(i => i.AttemptId == id)));
        var attempt = await _factory.ScopedAsync(db => db.Attempts.SingleAsync(a => a.Id == id));
        Assert.Equal("submitted", attempt.FinishReason);
        Assert.Equal(GradingStatus.Final, attempt.Grading);
        Assert.Equal(HttpStatusCode.Gone, (await client.SaveAsync(id, 6, new { selected = new[] { 0 } }, 1)).StatusCode);
    }

    [Fact]
    public async Task Two_concurrent_starts_give_one_attempt()
    {
        var a = await Trainee();
        var b = await Trainee();
        var starts = await Task.WhenAll(a.StartAsync(PaperSeeder.CertificationId), b.StartAsync(PaperSeeder.CertificationId), a.StartAsync(PaperSeeder.CertificationId));
        var ids = new List<string>();
        foreach (var s in starts)
        {
            Assert.Equal(HttpStatusCode.Created, s.StatusCode);
            ids.Add((string)(await s.JsonAsync())["attemptId"]!);
        }
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await _factory.ScopedAsync(db => db.Attempts.CountAsync(x => x.PaperId == PaperSeeder.CertificationId)));
    }

    [Fact]
    public async Task An_overdue_attempt_is_finished_at_its_deadline_and_graded_by_the_background_service()
    {
        var client = await Trainee();
        var id = (string)(await Start(client))["attemptId"]!;
        Assert.Equal(HttpStatusCode.OK, (await client.SaveAsync(id, 0, new { selected = new[] { 0 } }, 1)).StatusCode);
        var deadline = await _factory.ScopedAsync(db => db.Attempts.Where(a => a.Id == id).Select(a => a.Deadline).SingleAsync());
        // The browser never comes back. Time passes beyond deadline + grace + one scan period.
        _clock.Advance(TimeSpan.FromMinutes(31));
        Attempt? finished = null;
        for (var i = 0; i < 100 && finished is null; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(50);
            finished = await _factory.ScopedAsync(db => db.Attempts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.Status == AttemptStatus.Finished));
        }
        Assert.NotNull(finished);
        Assert.Equal(deadline, finished.FinishedAt);
        Assert.Equal("deadline", finished.FinishReason);
        Assert.NotNull(finished.Score);
        Assert.Equal(20, await _factory.ScopedAsync(db => db.AttemptItems.CountAsync(i => i.AttemptId == id)));
        Assert.Equal(HttpStatusCode.Gone, (await client.SaveAsync(id, 1, new { selected = new[] { 0 } }, 1)).StatusCode);
    }

    [Fact]
    public async Task Attempts_allowed_is_enforced_and_a_passed_certification_is_recorded_once()
    {
        var client = await Trainee();
        for (var n = 1; n <= 2; n++)
        {
            var attempt = await _factory.AFinishedAttempt(client);
            Assert.True(attempt.Passed);
            Assert.NotNull(attempt.CertificateId);
            Assert.Equal(attempt.CertificateId, (string?)(await (await client.SubmitAsync(attempt.AttemptId)).JsonAsync())["certificateId"]);
        }
        var third = await client.StartAsync(PaperSeeder.CertificationId);
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        // Each passed attempt got exactly one certificate, however often it was submitted.
        Assert.Equal(2, await _factory.ScopedAsync(db => db.Certificates.CountAsync()));
        Assert.Equal(2, await _factory.ScopedAsync(db => db.Certificates.Select(c => c.AttemptId).Distinct().CountAsync()));
    }

    [Fact]
    public async Task An_answer_based_on_an_outdated_seq_is_refused_with_the_stored_answer_also_across_devices()
    {
        var laptop = await Trainee();
        var id = (string)(await Start(laptop))["attemptId"]!;
        // The same trainee on a second device, which read the attempt when nothing was stored yet (seq 0).
        var phone = await (await _factory.AUser(Roles.Trainee)).WithApiTokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await phone.SaveAsync(id, 0, new { selected = new[] { 2 } }, 1, baseSeq: 0)).StatusCode);

        // The laptop replays an answer it queued offline: also seq 1, also based on 0. Refused, with the answer kept.
        var refused = await laptop.SaveAsync(id, 0, new { selected = new[] { 1 } }, 1, baseSeq: 0);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var conflict = await refused.ReadAsync<AnswerConflict>();
        Assert.Equal(1, conflict.StoredSeq);
        Assert.Equal(2, conflict.StoredResponse.GetProperty("selected")[0].GetInt32());
        Assert.Contains("已保留", conflict.Title);
        // A higher seq does not help an answer based on what was stored before the phone's save.
        Assert.Equal(HttpStatusCode.Conflict, (await laptop.SaveAsync(id, 0, new { selected = new[] { 1 } }, 7, baseSeq: 0)).StatusCode);

        // Continuing from the stored seq is accepted; resending it (a lost reply) is accepted again; the phone's old save is not.
        Assert.Equal(HttpStatusCode.OK, (await laptop.SaveAsync(id, 0, new { selected = new[] { 3 } }, 2, baseSeq: 1)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.SaveAsync(id, 0, new { selected = new[] { 3 } }, 2, baseSeq: 1)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await phone.SaveAsync(id, 0, new { selected = new[] { 2 } }, 2, baseSeq: 1)).StatusCode);
        // Without a base, the same seq with a different response is refused too (only a retry of the same answer passes).
        Assert.Equal(HttpStatusCode.Conflict, (await phone.SaveAsync(id, 0, new { selected = new[] { 0 } }, 2)).StatusCode);

        var state = await (await laptop.GetAsync($"/api/attempts/{id}")).ReadAsync<AttemptState>();
        var saved = Assert.Single(state.Answers);
        Assert.Equal((2L, 3), (saved.Seq, saved.Response.GetProperty("selected")[0].GetInt32()));
    }

    [Fact]
    public async Task Absurd_seq_and_base_values_are_400_and_change_nothing()
    {
        var client = await Trainee();
        var id = (string)(await Start(client))["attemptId"]!;
        var tooBig = await client.SaveAsync(id, 0, new { selected = new[] { 1 } }, SaveAnswerRequest.MaxSeq + 1);
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Contains("seq", (string)(await tooBig.JsonAsync())["title"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SaveAsync(id, 0, new { selected = new[] { 1 } }, long.MaxValue)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SaveAsync(id, 0, new { selected = new[] { 1 } }, 0)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SaveAsync(id, 0, new { selected = new[] { 1 } }, 3, baseSeq: 3)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SaveAsync(id, 0, new { selected = new[] { 1 } }, 3, baseSeq: -1)).StatusCode);
        Assert.Equal(0, await _factory.ScopedAsync(db => db.AttemptAnswers.CountAsync()));
        Assert.Equal(HttpStatusCode.OK, (await client.SaveAsync(id, 0, new { selected = new[] { 1 } }, SaveAnswerRequest.MaxSeq)).StatusCode);
    }

    [Fact]
    public async Task Flags_for_question_refs_not_in_the_attempt_are_404()
    {
        var client = await Trainee();
        var id = (string)(await Start(client))["attemptId"]!;
        Assert.Equal(HttpStatusCode.NotFound, (await client.FlagAsync(id, 20, true)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.FlagAsync(id, -1, true)).StatusCode);
        Assert.Equal("[]", await _factory.ScopedAsync(db => db.Attempts.Where(a => a.Id == id).Select(a => a.FlagsJson).SingleAsync()));
        var ok = await client.FlagAsync(id, 19, true);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal([19], (await ok.ReadAsync<FlagsChanged>()).Flags);
    }

    [Fact]
    public async Task Error_messages_of_the_api_are_in_the_ui_language()
    {
        var client = await Trainee();
        var id = (string)(await Start(client))["attemptId"]!;
        var chinese = await (await client.SaveAsync(id, 99, new { text = "x" }, 1)).JsonAsync();
        Assert.Equal("这场考试没有这道题。", (string)chinese["title"]!);
        var english = await (await client.PutAsJsonAsync($"/api/attempts/{id}/answers/99?culture=en&ui-culture=en",
            new SaveAnswerRequest(System.Text.Json.JsonSerializer.SerializeToElement(new { text = "x" }), 1), ExamClient.Json)).JsonAsync();
        Assert.Equal("This exam has no such question.", (string)english["title"]!);
    }
}
