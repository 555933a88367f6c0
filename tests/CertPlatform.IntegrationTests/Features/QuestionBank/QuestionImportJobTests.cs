using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.QuestionBank;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CertPlatform.IntegrationTests.Infrastructure.HttpClientForms;

namespace CertPlatform.IntegrationTests.Features.QuestionBank;

/// <summary>Large question files are previewed by a background job with a status page ("question N of M").</summary>
public sealed partial class QuestionImportJobTests(BackgroundImportApp app) : IClassFixture<BackgroundImportApp>
{
    private AppFactory Factory => app.Factory;
    private Task<HttpClient> SignIn(string role) => Factory.SignedInClient(Demo.Account(role).Email, Demo.Account(role).Password);

    [GeneratedRegex("^/bank/import/([0-9a-f-]{36})$")]
    private static partial Regex JobUrl();

    [GeneratedRegex("action=\"(/bank/import/[0-9a-f-]+/commit)\"")]
    private static partial Regex CommitAction();

    private static byte[] Gift(string prefix, int count)
    {
        var text = new StringBuilder("// @certplatform {\"lessonId\":\"p1-swot\"}\n");
        for (var i = 1; i <= count; i++) text.Append($"::{prefix}-{i:D3}::SWOT 分析第 {i} 条说法正确。{{T}}\n\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Polls the status page (as its meta refresh does) until the preview replaces it.</summary>
    private static async Task<string> WaitForPreviewAsync(HttpClient client, string url)
    {
        for (var i = 0; i < 300; i++)
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            if (!html.Contains("id=\"import-job\"", StringComparison.Ordinal)) return html;
            Assert.DoesNotContain("data-state=\"failed\"", html);
            await Task.Delay(100);
        }
        throw new TimeoutException($"{url} did not finish");
    }

    [Fact]
    public async Task An_upload_becomes_a_job_whose_page_shows_the_preview_when_done_and_only_to_its_owner()
    {
        var client = await SignIn(Roles.Examiner);
        var upload = await QuestionImportExportTests.Upload(client, "whole-bank.gift", Gift("job-big", 120));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var url = upload.Headers.Location!.OriginalString;
        Assert.Matches(JobUrl(), url);

        var html = await WaitForPreviewAsync(client, url);
        var doc = await new HtmlParser().ParseDocumentAsync(html);
        Assert.Equal("120", doc.QuerySelector("#import-summary tr:first-child td")!.TextContent); // 新建
        Assert.Equal(120, doc.QuerySelectorAll("#import-rows li.import-row").Length);
        // Kept until committed: a reload shows the same preview.
        Assert.Equal(120, (await new HtmlParser().ParseDocumentAsync(await WaitForPreviewAsync(client, url))).QuerySelectorAll("#import-rows li.import-row").Length);

        // Another examiner-page user (an administrator) and an anonymous visitor do not see it.
        var admin = await SignIn(Roles.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(url)).StatusCode);
        var commitUrl = WebUtility.HtmlDecode(CommitAction().Match(html).Groups[1].Value);
        var stolen = await admin.PostFormAsync("/bank/import", commitUrl, []);
        Assert.Equal("/bank/import", stolen.Headers.Location?.OriginalString); // "the preview is gone" for anyone else
        Assert.Equal(HttpStatusCode.Redirect, (await Factory.NewClient().GetAsync(url)).StatusCode); // to sign-in
        Assert.False(await Factory.ScopedAsync(db => db.Questions.AnyAsync(q => q.Id.StartsWith("job-big"))));

        var commit = await client.PostFormAsync("/bank/import", commitUrl, []);
        Assert.Equal("/bank", commit.Headers.Location?.OriginalString);
        Assert.Equal(120, await Factory.ScopedAsync(db => db.Questions.CountAsync(q => q.Id.StartsWith("job-big"))));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode); // committed: gone
    }

    [Fact]
    public async Task The_status_page_shows_question_n_of_m_while_the_job_runs()
    {
        var client = await SignIn(Roles.Examiner);
        var ownerId = await Factory.ScopedAsync(db => db.Users.Where(u => u.Email == Demo.Account(Roles.Examiner).Email).Select(u => u.Id).SingleAsync());
        Guid id;
        using (var scope = Factory.Services.CreateScope())
            id = await scope.ServiceProvider.GetRequiredService<QuestionImport>().StartJobAsync("slow.xml", ownerId, CancellationToken.None);

        var reading = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync($"/bank/import/{id}"));
        Assert.Equal("reading", reading.QuerySelector("#import-job")!.GetAttribute("data-state"));
        Assert.Contains("正在读取文件…", reading.QuerySelector("#import-job")!.TextContent);
        Assert.NotNull(reading.QuerySelector("meta[http-equiv=refresh]"));

        using (var scope = Factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<QuestionImport>().ReportAsync(id, ImportJobState.Checking, 37, 250, CancellationToken.None);
        var checking = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync($"/bank/import/{id}"));
        Assert.Contains("正在检查第 37 道，共 250 道", checking.QuerySelector("#import-job")!.TextContent);
        var bar = checking.QuerySelector("#import-job progress")!;
        Assert.Equal(("37", "250"), (bar.GetAttribute("value"), bar.GetAttribute("max")));

        using (var scope = Factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<QuestionImport>().FailJobAsync(id, CancellationToken.None);
        var failed = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync($"/bank/import/{id}"));
        Assert.Equal("failed", failed.QuerySelector("#import-job")!.GetAttribute("data-state"));
        Assert.Null(failed.QuerySelector("meta[http-equiv=refresh]"));
    }

    [Fact]
    public async Task A_file_with_errors_shows_them_after_the_job_and_cannot_be_committed()
    {
        var client = await SignIn(Roles.Examiner);
        var upload = await QuestionImportExportTests.Upload(client, "broken.gift", Encoding.UTF8.GetBytes("::job-bad-1::好题{=对 ~错}\n\n::job-bad-2::坏题{=没有结束\n"));
        var html = await WaitForPreviewAsync(client, upload.Headers.Location!.OriginalString);
        var doc = await new HtmlParser().ParseDocumentAsync(html);
        Assert.Contains("broken.gift:3", doc.QuerySelector("#import-errors")!.TextContent);
        Assert.DoesNotMatch(CommitAction(), html);
    }
}
