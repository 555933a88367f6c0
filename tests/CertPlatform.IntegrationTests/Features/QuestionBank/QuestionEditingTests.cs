using System.Net;
using AngleSharp.Html.Parser;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using Microsoft.EntityFrameworkCore;
using static CertPlatform.IntegrationTests.Infrastructure.HttpClientForms;

namespace CertPlatform.IntegrationTests.Features.QuestionBank;

public sealed class QuestionEditingTests(SharedApp app) : IClassFixture<SharedApp>
{
    private AppFactory Factory => app.Factory;
    private Task<HttpClient> Examiner() => Factory.SignedInClient(Demo.Account(Roles.Examiner).Email, Demo.Account(Roles.Examiner).Password);

    private async Task<Question> Current(string id) => await Factory.ScopedAsync(async db =>
    {
        var r = await db.Questions.SingleAsync(q => q.Id == id);
        return QuestionJson.Deserialize(await db.QuestionVersions.Where(v => v.QuestionId == id && v.Version == r.CurrentVersion).Select(v => v.PayloadJson).SingleAsync());
    });

    [Fact]
    public async Task An_examiner_creates_a_multiple_choice_question_which_starts_at_version_1()
    {
        var client = await Examiner();
        var response = await client.PostFormAsync("/bank/new?type=Multiple", "/bank/new",
        [
            F("Type", "Multiple"), F("Id", "p1-swot-q90"), F("LessonId", "p1-swot"), F("Anchor", "definition"), F("Difficulty", "2"),
            F("Status", "Ready"), F("Points", "2"), F("Tags", "考官新增、SWOT"), F("Stem", "SWOT 中属于外部因素的是（  ）。"),
            F("Options[0].Text", "机会"), F("Options[0].Correct", "true"), F("Options[1].Text", "威胁"), F("Options[1].Correct", "true"),
            F("Options[2].Text", "优势"), F("Options[3].Text", "劣势"), F("Options[4].Text", ""), F("Explanation", "O 与 T 来自外部环境。"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/bank/p1-swot-q90", response.Headers.Location?.OriginalString);
        var q = await Current("p1-swot-q90");
        Assert.Equal(["机会", "威胁", "优势", "劣势"], q.Options.Select(o => o.Text));
        Assert.Equal(["考官新增", "SWOT"], q.Tags);
        Assert.Equal(2m, q.Points);
        var record = await Factory.ScopedAsync(db => db.Questions.SingleAsync(x => x.Id == "p1-swot-q90"));
        Assert.Equal((1, "examiner", "part1"), (record.CurrentVersion, record.Origin, record.PartId));
    }

    [Fact]
    public async Task Invalid_questions_are_refused_with_messages_next_to_the_fields_and_nothing_saved()
    {
        var client = await Examiner();
        var response = await client.PostFormAsync("/bank/new?type=Fill", "/bank/new",
        [
            F("Type", "Fill"), F("Id", "P1 bad id"), F("LessonId", "p1-swot"), F("Anchor", "no-such-anchor"), F("Difficulty", "2"),
            F("Status", "Ready"), F("Points", "1"), F("Stem", "没有标出空位"), F("BlanksText", "答案一\n答案二"),
        ]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var doc = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("题号只能包含", doc.GetElementById("Id-error")!.TextContent);
        Assert.Contains("没有这个章节锚点", doc.GetElementById("Anchor-error")!.TextContent);
        Assert.Contains("{{1}} 到 {{2}}", doc.GetElementById("Stem-error")!.TextContent);
        Assert.Equal("答案一\n答案二", doc.GetElementById("BlanksText")!.TextContent);
        Assert.False(await Factory.ScopedAsync(db => db.Questions.AnyAsync(q => q.LessonId == "p1-swot" && q.Anchor == "no-such-anchor")));
    }

    [Fact]
    public async Task Editing_saves_a_new_version_and_keeps_the_old_one()
    {
        var client = await Examiner();
        var before = await Current("p1-customer-value-q02");
        var editPage = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/bank/p1-customer-value-q02/edit"));
        var fields = editPage.QuerySelectorAll("form.question-form input[name], form.question-form textarea[name], form.question-form select[name]")
            .Where(e => e.GetAttribute("type") is not ("checkbox" or "radio") || e.HasAttribute("checked"))
            .Select(e => F(e.GetAttribute("name")!, e.LocalName switch
            {
                "textarea" => e.TextContent,
                "select" => e.QuerySelector("option[selected]")?.GetAttribute("value") ?? e.QuerySelector("option")?.GetAttribute("value") ?? "",
                _ => e.GetAttribute("value") ?? "",
            }))
            .Where(kv => kv.Key is not ("Stem" or "Note" or "__RequestVerificationToken"))
            .Append(F("Stem", before.Stem + "（修订）")).Append(F("Note", "措辞修订")).ToList();
        var saved = await client.PostFormAsync("/bank/p1-customer-value-q02/edit", "/bank/p1-customer-value-q02/edit", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var after = await Current("p1-customer-value-q02");
        Assert.Equal(before.Stem + "（修订）", after.Stem);
        Assert.Equal(QuestionJson.Serialize(before with { Stem = after.Stem }), QuestionJson.Serialize(after));
        var versions = await Factory.ScopedAsync(db => db.QuestionVersions.Where(v => v.QuestionId == "p1-customer-value-q02").OrderBy(v => v.Version).ToListAsync());
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal("措辞修订", versions[1].Note);
        Assert.Equal(before.Stem, QuestionJson.Deserialize(versions[0].PayloadJson).Stem);

        // A second save based on the old version is refused rather than overwriting v2.
        var stale = await client.PostFormAsync("/bank/p1-customer-value-q02/edit", "/bank/p1-customer-value-q02/edit",
            fields.Select(kv => kv.Key == "BaseVersion" ? F("BaseVersion", "1") : kv).ToList());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
        Assert.Contains("已保存了新版本 v2", await stale.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Trainees_cannot_open_or_post_the_editor()
    {
        var trainee = await Factory.SignedInClient(Demo.Account(Roles.Trainee).Email, Demo.Account(Roles.Trainee).Password);
        Assert.Contains("access-denied", (await trainee.GetAsync("/bank/p1-swot-q01/edit")).Headers.Location!.ToString());
        var post = await trainee.PostFormAsync("/lessons", "/bank/p1-swot-q03/edit", [F("Type", "Single"), F("Stem", "篡改")]);
        Assert.Contains("access-denied", post.Headers.Location!.ToString());
        Assert.DoesNotContain("篡改", (await Current("p1-swot-q03")).Stem);
    }
}
