using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank.Formats;
using Microsoft.EntityFrameworkCore;
using static CertPlatform.IntegrationTests.Infrastructure.HttpClientForms;

namespace CertPlatform.IntegrationTests.Features.QuestionBank;

/// <summary>Per-option feedback and partial-credit weights in the question editor: saved as versions, shown, exported, validated.</summary>
public sealed class QuestionOptionExtrasTests(SharedApp app) : IClassFixture<SharedApp>
{
    private AppFactory Factory => app.Factory;
    private Task<HttpClient> Examiner() => Factory.SignedInClient(Demo.Account(Roles.Examiner).Email, Demo.Account(Roles.Examiner).Password);

    private async Task<(Question Question, int Version)> Current(string id) => await Factory.ScopedAsync(async db =>
    {
        var r = await db.Questions.SingleAsync(q => q.Id == id);
        var json = await db.QuestionVersions.Where(v => v.QuestionId == id && v.Version == r.CurrentVersion).Select(v => v.PayloadJson).SingleAsync();
        return (QuestionJson.Deserialize(json), r.CurrentVersion);
    });

    private static List<KeyValuePair<string, string>> Multiple(string id, params (string Text, bool Correct, string Weight, string Feedback)[] options)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            F("Type", "Multiple"), F("Id", id), F("LessonId", "p1-swot"), F("Difficulty", "2"), F("Status", "Ready"), F("Points", "2"),
            F("Stem", $"{id}：SWOT 中属于外部因素的是（  ）。"),
        };
        for (var i = 0; i < options.Length; i++)
        {
            fields.Add(F($"Options[{i}].Text", options[i].Text));
            if (options[i].Correct) fields.Add(F($"Options[{i}].Correct", "true"));
            fields.Add(F($"Options[{i}].Weight", options[i].Weight));
            fields.Add(F($"Options[{i}].Feedback", options[i].Feedback));
        }
        return fields;
    }

    [Fact]
    public async Task Feedback_and_weights_are_saved_as_a_new_version_shown_on_the_question_and_exported()
    {
        var client = await Examiner();
        var created = await client.PostFormAsync("/bank/new?type=Multiple", "/bank/new",
            Multiple("p1-swot-ox1", ("机会", true, "", ""), ("威胁", true, "", ""), ("优势", false, "", ""), ("劣势", false, "", "")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.All((await Current("p1-swot-ox1")).Question.Options, o => Assert.Equal((null, null), (o.Weight, o.Feedback))); // left empty: the platform's rule

        var edit = Multiple("p1-swot-ox1", ("机会", true, "60", "对：机会来自外部环境。"), ("威胁", true, "40", ""), ("优势", false, "-100", "优势是内部条件。"),
            ("劣势", false, "-100", ""));
        edit.Add(F("BaseVersion", "1"));
        var saved = await client.PostFormAsync("/bank/p1-swot-ox1/edit", "/bank/p1-swot-ox1/edit", edit);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (q, version) = await Current("p1-swot-ox1");
        Assert.Equal(2, version);
        Assert.Equal([60m, 40m, -100m, -100m], q.Options.Select(o => o.Weight!.Value));
        Assert.Equal(["对：机会来自外部环境。", null, "优势是内部条件。", null], q.Options.Select(o => o.Feedback));

        // The detail page lists them; the editor shows them again, its section open.
        var show = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/bank/p1-swot-ox1"));
        var rows = show.QuerySelectorAll("table.option-extras tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Contains("60", rows[0]);
        Assert.Contains("对：机会来自外部环境。", rows[0]);
        Assert.Contains("-100", rows[2]);
        var editor = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/bank/p1-swot-ox1/edit"));
        Assert.NotNull(editor.QuerySelector("details#option-extras[open]"));
        Assert.Equal("60", editor.QuerySelector("input[name='Options[0].Weight']")!.GetAttribute("value"));

        // Both Moodle formats carry them out.
        var gift = GiftFormat.Parse("x.gift", await client.GetStringAsync("/bank/export?format=Gift&Q=p1-swot-ox1&confirmed=true"));
        var fromGift = Assert.Single(gift.Questions, i => i.Question.Id == "p1-swot-ox1").Question;
        Assert.Equal([60m, 40m, -100m, -100m], fromGift.Options.Select(o => o.Weight!.Value));
        Assert.Equal("对：机会来自外部环境。", fromGift.Options[0].Feedback);
        var xml = MoodleXmlFormat.Parse("x.xml", new MemoryStream(await client.GetByteArrayAsync("/bank/export?format=MoodleXml&Q=p1-swot-ox1&confirmed=true")));
        var fromXml = Assert.Single(xml.Questions, i => i.Question.Id == "p1-swot-ox1").Question;
        Assert.Equal([60m, 40m, -100m, -100m], fromXml.Options.Select(o => o.Weight!.Value));
        Assert.Equal("优势是内部条件。", fromXml.Options[2].Feedback);
    }

    [Theory]
    [InlineData("50", "40", "-100", "多选题各选项的正分值之和应为 100%，现在是 90%")]
    [InlineData("60", "40", "-150", "选项 C 的分值应在 -100% 到 100% 之间")]
    [InlineData("60", "40", "", "选项 C 没有填写分值")]
    [InlineData("60", "40", "10", "选项 C 的分值大于 0%，应勾选为正确")]
    [InlineData("60", "abc", "-100", "选项 B 的分值不是数字")]
    public async Task Invalid_weights_are_refused_naming_the_option_and_nothing_is_saved(string a, string b, string c, string message)
    {
        var client = await Examiner();
        var response = await client.PostFormAsync("/bank/new?type=Multiple", "/bank/new",
            Multiple("p1-swot-ox9", ("机会", true, a, ""), ("威胁", true, b, ""), ("优势", false, c, "")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var doc = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, doc.QuerySelector("details#option-extras[open] #OptionExtras-error")!.TextContent);
        Assert.False(await Factory.ScopedAsync(db => db.Questions.AnyAsync(q => q.Id == "p1-swot-ox9")));
    }
}
