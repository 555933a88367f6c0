using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using static CertPlatform.IntegrationTests.Infrastructure.HttpClientForms;

namespace CertPlatform.IntegrationTests.Features.QuestionBank;

/// <summary>Per-question choices at the commit of a question import: mixed skip / update / import as new, and tampered choices.</summary>
public sealed partial class QuestionImportChoiceTests(SharedApp app) : IClassFixture<SharedApp>
{
    private AppFactory Factory => app.Factory;
    private Task<HttpClient> Examiner() => Factory.SignedInClient(Demo.Account(Roles.Examiner).Email, Demo.Account(Roles.Examiner).Password);

    [GeneratedRegex("action=\"(/bank/import/[0-9a-f-]+/commit)\"")]
    private static partial Regex CommitAction();

    /// <summary>Five true/false questions with the given prefix; <paramref name="edited"/> ones carry another stem.</summary>
    private static byte[] Gift(string prefix, params string[] edited)
    {
        var text = new StringBuilder("// @certplatform {\"lessonId\":\"p1-swot\"}\n");
        foreach (var n in new[] { "a", "b", "c", "d" })
            text.Append($"::{prefix}-{n}::{(edited.Contains(n) ? "改过的" : "")}SWOT 分析中 {n} 项的说法正确。{{T}}\n\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private async Task<(string Html, string Action)> PreviewAsync(HttpClient client, string name, byte[] bytes)
    {
        var response = await QuestionImportExportTests.Upload(client, name, bytes);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var match = CommitAction().Match(html);
        Assert.True(match.Success, "the preview offers a commit");
        return (html, WebUtility.HtmlDecode(match.Groups[1].Value));
    }

    private Task<Dictionary<string, int>> VersionsAsync(string prefix) =>
        Factory.ScopedAsync(db => db.Questions.Where(q => q.Id.StartsWith(prefix)).ToDictionaryAsync(q => q.Id, q => q.CurrentVersion));

    [Fact]
    public async Task Each_existing_question_follows_its_own_choice_in_one_commit()
    {
        var client = await Examiner();
        var first = await PreviewAsync(client, "first.gift", Gift("ch-mix"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/bank/import", first.Action, [])).StatusCode);

        // a, b, c edited; d the same; e new.
        var bytes = Gift("ch-mix", "a", "b", "c").Concat(Encoding.UTF8.GetBytes("::ch-mix-e::新的一道题。{F}\n")).ToArray();
        var (html, action) = await PreviewAsync(client, "again.gift", bytes);
        var doc = await new HtmlParser().ParseDocumentAsync(html);
        var selects = doc.QuerySelectorAll("select.row-choice");
        Assert.Equal(["choice[ch-mix-a]", "choice[ch-mix-b]", "choice[ch-mix-c]", "choice[ch-mix-d]"], selects.Select(s => s.GetAttribute("name")));
        Assert.All(selects, s => Assert.Equal("commit-form", s.GetAttribute("form"))); // plain form fields, no JavaScript needed
        // Changed rows default to the import-wide choice, unchanged ones to skip.
        Assert.Equal(["", "", "", "Skip"], selects.Select(s => s.QuerySelector("option[selected]")!.GetAttribute("value")));

        var commit = await client.PostFormAsync("/bank/import", action,
        [
            F("existing", "ImportAsNew"), F("choice[ch-mix-a]", "Update"), F("choice[ch-mix-b]", "Skip"), F("choice[ch-mix-c]", ""),
            F("choice[ch-mix-d]", "ImportAsNew"),
        ]);
        Assert.Equal("/bank", commit.Headers.Location?.OriginalString);
        var versions = await VersionsAsync("ch-mix");
        Assert.Equal(new Dictionary<string, int>
        {
            ["ch-mix-a"] = 2, ["ch-mix-b"] = 1, ["ch-mix-c"] = 1, ["ch-mix-c-2"] = 1, ["ch-mix-d"] = 1, ["ch-mix-d-2"] = 1, ["ch-mix-e"] = 1,
        }, versions);
        var flash = await client.GetStringAsync("/bank");
        Assert.Contains("导入完成：新建 3 道，更新 1 道（保存为新版本），跳过或未改动 1 道，错误 0 个。", flash);
        var audit = await Factory.ScopedAsync(db => db.AuditEntries.Where(a => a.Action == "questions.import" && a.Target == "again.gift").Select(a => a.Details).SingleAsync());
        Assert.Equal("created 3, updated 1, unchanged or skipped 1", audit);
    }

    [Theory]
    [InlineData("choice[ch-bad-a]", "Delete", "第 2 行（ch-bad-a）：处理方式“Delete”无效")]
    [InlineData("choice[ch-bad-a]", "0", "处理方式“0”无效")]
    [InlineData("choice[ch-bad-a]", "update", "处理方式“update”无效")]
    [InlineData("choice[ch-nowhere]", "Skip", "没有编号为“ch-nowhere”的已有试题")]
    public async Task A_tampered_row_choice_is_a_400_naming_the_row_and_changes_nothing(string field, string value, string message)
    {
        var client = await Examiner();
        var prefix = "ch-bad";
        if (!(await VersionsAsync(prefix)).ContainsKey("ch-bad-a"))
        {
            var first = await PreviewAsync(client, "bad-first.gift", Gift(prefix));
            await client.PostFormAsync("/bank/import", first.Action, []);
        }
        var before = await VersionsAsync(prefix);
        var (_, action) = await PreviewAsync(client, "bad-again.gift", Gift(prefix, "a", "b"));

        var response = await client.PostFormAsync("/bank/import", action, [F("existing", "Update"), F("choice[ch-bad-b]", "ImportAsNew"), F(field, value)]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, doc.QuerySelector("#import-choice-error")!.TextContent);
        Assert.NotNull(doc.QuerySelector("#import-rows")); // the preview is shown again
        Assert.Equal(before, await VersionsAsync(prefix));

        // The preview is still there: a valid commit goes ahead.
        var ok = await client.PostFormAsync("/bank/import", action, [F("existing", "Skip")]);
        Assert.Equal("/bank", ok.Headers.Location?.OriginalString);
        Assert.Equal(before, await VersionsAsync(prefix));
    }
}
