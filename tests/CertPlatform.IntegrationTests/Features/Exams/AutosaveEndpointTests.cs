using System.Net;
using System.Text;
using System.Text.Json;
using CertPlatform.Web.Features.Exams;
using CertPlatform.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace CertPlatform.IntegrationTests.Features.Exams;

/// <summary>
/// The lean autosave and flag endpoints (outside MVC) refuse what MVC's binder and filters refused, with a
/// problem naming what is wrong, and change nothing: a body that is not JSON, JSON that does not parse, an
/// empty body, a token that belongs to another trainee.
/// </summary>
public sealed class AutosaveEndpointTests : IDisposable
{
    private readonly FakeClockExamApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<(HttpClient Client, string AttemptId)> StartedAsync(string? email = null)
    {
        var client = await _app.TraineeAsync(email);
        using var start = await client.StartAsync(FakeClockExamApp.MockPaper);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        return (client, (string)(await start.JsonAsync())["attemptId"]!);
    }

    private static Task<HttpResponseMessage> PutRawAsync(HttpClient client, string url, string body, string contentType) =>
        client.PutAsync(url, new StringContent(body, Encoding.UTF8, contentType));

    private Task<int> StoredAnswersAsync() => _app.Factory.ScopedAsync(db => db.AttemptAnswers.CountAsync());

    [Fact]
    public async Task A_started_attempt_is_known_to_autosave_before_its_first_save()
    {
        // On exam day everyone starts, then saves: the start leaves the attempt's key where the save path looks first,
        // so the first round of saves reads no attempt (bench/RESULTS.md, "CPU per save under paced load").
        var (_, id) = await StartedAsync();
        var cache = _app.Factory.Services.GetRequiredService<IMemoryCache>();
        Assert.True(cache.TryGetValue<AttemptKey>(SaveAnswer.CacheKey(id), out var key), "the start did not cache the attempt's key");
        var stored = await _app.Factory.ScopedAsync(db => db.Attempts.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(stored.UserId, key!.UserId);
        Assert.True(Math.Abs((stored.Deadline - key.Deadline).TotalMilliseconds) < 1, $"deadline {key.Deadline:O} cached, {stored.Deadline:O} stored");
        Assert.Equal(JsonDocument.Parse(stored.LayoutJson).RootElement.GetArrayLength(), key.QuestionCount);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415_and_json_that_does_not_parse_is_400_naming_the_line()
    {
        var (client, id) = await StartedAsync();
        var url = $"/api/attempts/{id}/answers/0";

        using var form = await client.PutAsync(url, new FormUrlEncodedContent([new("seq", "1")]));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);

        using var broken = await PutRawAsync(client, url, "{\"response\": {\"selected\": [0]},\n \"seq\": }", "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal("application/problem+json", broken.Content.Headers.ContentType!.MediaType);
        var title = (string)(await broken.JsonAsync())["title"]!;
        Assert.Contains("第 2 行", title);
        Assert.Contains("$.seq", title);

        using var empty = await PutRawAsync(client, url, "null", "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        using var flag = await PutRawAsync(client, $"/api/attempts/{id}/flags/0", "{\"flagged\": tru", "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, flag.StatusCode);
        // The whole body must be one JSON value (the body is parsed in one pass from Kestrel's buffer).
        using var trailing = await PutRawAsync(client, url, "{\"response\": {\"selected\": [0]}, \"seq\": 1} x", "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, trailing.StatusCode);
        Assert.Contains("第 1 行", (string)(await trailing.JsonAsync())["title"]!);
        using var nothing = await PutRawAsync(client, url, "", "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);

        Assert.Equal(0, await StoredAnswersAsync());
        using var ok = await client.SaveAsync(id, 0, new { selected = new[] { 1 } }, 1, baseSeq: 0);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("no-store", ok.Headers.CacheControl!.ToString());
        Assert.Equal(1, (long)(await ok.JsonAsync())["seq"]!);
    }

    [Fact]
    public async Task A_token_that_passed_for_one_trainee_is_refused_for_another()
    {
        var (owner, id) = await StartedAsync();
        using var first = await owner.SaveAsync(id, 0, new { selected = new[] { 1 } }, 1, baseSeq: 0);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode); // the owner's token pair has now passed once

        // Another trainee sends the owner's header token with their own cookies: refused, however often.
        var (other, otherId) = await StartedAsync("other@demo.local");
        other.DefaultRequestHeaders.Remove("RequestVerificationToken");
        other.DefaultRequestHeaders.Add("RequestVerificationToken", owner.DefaultRequestHeaders.GetValues("RequestVerificationToken"));
        for (var i = 0; i < 2; i++)
        {
            using var refused = await other.SaveAsync(otherId, 0, new { selected = new[] { 0 } }, 1 + i, baseSeq: 0);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }
        Assert.Equal(1, await StoredAnswersAsync());
    }
}
