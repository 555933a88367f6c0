using System.Net;
using AngleSharp.Html.Parser;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Features.QuestionBank;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CertPlatform.IntegrationTests.Infrastructure.HttpClientForms;

namespace CertPlatform.IntegrationTests.Features.Exams;

/// <summary>The exam pages without JavaScript: start, answer and submit with plain form posts.</summary>
public sealed class ExamPageTests(SharedApp app) : IClassFixture<SharedApp>
{
    private AppFactory Factory => app.Factory;

    private Task<HttpClient> NewTraineeAsync(string email) => Factory.NewTraineeClientAsync(email, u => u.FullName = "页面测试");

    [Fact]
    public async Task A_trainee_answers_and_submits_with_forms_only_and_sees_the_result_with_explanations()
    {
        var client = await NewTraineeAsync("page1@demo.local");
        var list = await client.GetStringAsync("/exams");
        Assert.Contains("paper-mock-part3", list);

        var start = await client.PostFormAsync("/exams/mock-part3", "/exams/mock-part3/start", []);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var page = start.Headers.Location!.ToString();
        Assert.StartsWith("/exams/attempt/", page);
        var attemptId = page.Split('/').Last();

        var response = await client.GetAsync(page);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var html = await response.Content.ReadAsStringAsync();
        var attempt = await Factory.ScopedAsync(db => db.Attempts.SingleAsync(a => a.Id == attemptId));
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var questions = scope.ServiceProvider.GetRequiredService<QuestionVersionCache>();
            foreach (var l in AttemptLayout.Parse(attempt.LayoutJson))
            {
                var q = await questions.GetAsync(l.QuestionId, l.Version, db, CancellationToken.None);
                Assert.DoesNotContain(WebUtility.HtmlEncode(q.Explanation), html);
                Assert.DoesNotContain(q.Explanation, html);
            }
        }
        var doc = await new HtmlParser().ParseDocumentAsync(html);
        Assert.Equal(20, doc.QuerySelectorAll("fieldset.question").Length);
        var firstType = doc.QuerySelector("fieldset.question")!.GetAttribute("data-type");

        // Save one answer (question 0: the first option, or "true"), then submit.
        var value = firstType == "trueFalse" ? "true" : "0";
        var saved = await client.PostFormAsync(page, page, [F("a0", value), F("intent", "save")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await Factory.ScopedAsync(db => db.AttemptAnswers.SingleAsync(a => a.AttemptId == attemptId));
        Assert.Equal(0, stored.QuestionRef);
        Assert.Equal(1, stored.Seq);
        Assert.Contains("a0", doc.QuerySelector("fieldset.question input")!.GetAttribute("name"));

        // Posting the same answers again changes nothing; a changed answer moves seq forward.
        await client.PostFormAsync(page, page, [F("a0", value), F("intent", "save")]);
        Assert.Equal(1, (await Factory.ScopedAsync(db => db.AttemptAnswers.SingleAsync(a => a.AttemptId == attemptId))).Seq);

        var submitted = await client.PostFormAsync(page, page, [F("a0", value), F("a1", "1"), F("intent", "submit")]);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal($"/exams/attempt/{attemptId}/result", submitted.Headers.Location!.ToString());
        var finished = await Factory.ScopedAsync(db => db.Attempts.SingleAsync(a => a.Id == attemptId));
        Assert.Equal(AttemptStatus.Finished, finished.Status);
        Assert.Equal(GradingStatus.Final, finished.Grading);

        var result = await client.GetStringAsync($"/exams/attempt/{attemptId}/result");
        var resultDoc = await new HtmlParser().ParseDocumentAsync(result);
        Assert.Equal(CertPlatform.Web.Domain.Scores.ScoreFormat.Number(finished.Score!.Value), resultDoc.GetElementById("score")!.TextContent.Trim());
        Assert.Contains("解析", result);
        Assert.Contains("/lessons/", result);

        // The exam page of a finished attempt leads to its result; another user gets 404.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(page)).StatusCode);
        var other = await NewTraineeAsync("page2@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/exams/attempt/{attemptId}/result")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_login()
    {
        var response = await Factory.NewClient().GetAsync("/exams");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString());
    }
}
