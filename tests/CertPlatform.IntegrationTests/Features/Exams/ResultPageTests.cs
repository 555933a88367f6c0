using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Features.Papers;

namespace CertPlatform.IntegrationTests.Features.Exams;

/// <summary>
/// The result page as people read it (issue 16): the verdict in words, scores without ".0", each reviewed question's
/// verdict in words (not only the colour of its border), a passed certification pointing to 我的证书, and the
/// "only wrong answers" filter as a plain link.
/// </summary>
public sealed partial class ResultPageTests(SharedApp app) : IClassFixture<SharedApp>
{
    private static readonly HtmlParser Parser = new();

    private async Task<(HttpClient Client, string AttemptId)> FinishCertificationAsync(string email, bool answerRight)
    {
        var client = await app.Factory.NewTraineeClientAsync(email, u => { u.FullName = "结果页"; u.EmployeeNumber = "R" + Math.Abs(email.GetHashCode() % 100000); });
        var start = await client.StartAsync(PaperSeeder.CertificationId);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var id = (string)(await start.JsonAsync())["attemptId"]!;
        if (answerRight) await app.Factory.AnswerEverythingRightAsync(id);
        Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync(id)).StatusCode);
        return (client, id);
    }

    [Fact]
    public async Task A_passed_certification_says_passed_links_to_my_certificates_and_marks_every_question_right()
    {
        var (client, id) = await FinishCertificationAsync("result-pass@demo.local", answerRight: true);
        var doc = await Parser.ParseDocumentAsync(await client.GetStringAsync($"/exams/attempt/{id}/result"));

        var summary = doc.GetElementById("result-summary")!.TextContent;
        Assert.Contains("通过", summary);
        Assert.DoesNotMatch(TrailingZero(), summary);
        var note = doc.GetElementById("certificate-note")!;
        Assert.NotNull(note.QuerySelector("a[href='/certificates']"));

        var items = doc.QuerySelectorAll("li.review-item");
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Contains("答对", i.QuerySelector(".item-verdict")!.TextContent));

        // Nothing wrong: the filter says so instead of showing an empty list.
        var wrongOnly = await Parser.ParseDocumentAsync(await client.GetStringAsync($"/exams/attempt/{id}/result?wrong=1"));
        Assert.NotNull(wrongOnly.GetElementById("no-wrong"));
        Assert.Empty(wrongOnly.QuerySelectorAll("li.review-item"));
    }

    [Fact]
    public async Task A_failed_attempt_says_so_in_words_and_the_wrong_only_link_lists_just_the_wrong_answers()
    {
        var (client, id) = await FinishCertificationAsync("result-fail@demo.local", answerRight: false);
        var doc = await Parser.ParseDocumentAsync(await client.GetStringAsync($"/exams/attempt/{id}/result"));

        // The verdict in words (or, while a write-up waits for an examiner, the words saying so).
        var summary = doc.GetElementById("result-summary")!.TextContent;
        Assert.True(doc.GetElementById("verdict")?.TextContent == "未通过" || summary.Contains("待阅卷", StringComparison.Ordinal), summary);
        Assert.DoesNotMatch(TrailingZero(), summary);
        Assert.Null(doc.GetElementById("certificate-note"));
        // Nothing was answered: every question is wrong, except a write-up waiting for an examiner.
        var verdicts = doc.QuerySelectorAll("li.review-item").Select(i => i.QuerySelector(".item-verdict")!.TextContent.Trim()).ToList();
        Assert.NotEmpty(verdicts);
        Assert.All(verdicts, v => Assert.True(v.EndsWith("答错", StringComparison.Ordinal) || v == "待人工评分", v));
        var wrong = verdicts.Count(v => v.EndsWith("答错", StringComparison.Ordinal));
        Assert.True(wrong > 0);
        Assert.Equal("?wrong=1#review", doc.GetElementById("wrong-only")!.GetAttribute("href"));

        var wrongOnly = await Parser.ParseDocumentAsync(await client.GetStringAsync($"/exams/attempt/{id}/result?wrong=1"));
        Assert.Equal(wrong, wrongOnly.QuerySelectorAll("li.review-item").Length);
        Assert.Equal("page", wrongOnly.GetElementById("wrong-only")!.GetAttribute("aria-current"));
    }

    /// <summary>A number written with a useless ".0" (97.0, 60.0).</summary>
    [GeneratedRegex(@"\d\.0\b")]
    private static partial Regex TrailingZero();
}
