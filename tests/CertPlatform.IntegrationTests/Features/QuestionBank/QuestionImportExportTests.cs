using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank.Formats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CertPlatform.IntegrationTests.Infrastructure.HttpClientForms;

namespace CertPlatform.IntegrationTests.Features.QuestionBank;

public sealed partial class QuestionImportExportTests(SharedApp app) : IClassFixture<SharedApp>
{
    private AppFactory Factory => app.Factory;
    private Task<HttpClient> Examiner() => Factory.SignedInClient(Demo.Account(Roles.Examiner).Email, Demo.Account(Roles.Examiner).Password);

    private const string MixedGift = """
        // A small bank in Moodle's GIFT syntax, with CertPlatform lesson metadata on the first question.
        $CATEGORY: 测试/导入

        // @certplatform {"lessonId":"p1-swot","difficulty":2,"anchor":"definition"}
        ::imp-gift-q01::SWOT 中的 O 指的是？{=机会 ~优势 ~劣势 ~威胁####O 即 Opportunities。}

        ::imp-gift-q02::SWOT 分析只考虑企业内部条件。{F####还要分析外部的机会和威胁。}

        ::imp-gift-q03::SWOT 中属于外部因素的有：{~%50%机会 ~%50%威胁 ~%-100%优势 ~%-100%劣势}

        ::imp-gift-q04::把字母与含义配对。{=S -> 优势 =W -> 劣势 =O -> 机会}

        ::imp-gift-q05::SWOT 分析又称为{=态势分析法 =态势分析}。

        ::imp-gift-q06::请结合本网点情况做一份 SWOT 分析。{####要点：内部优势与劣势、外部机会与威胁，并提出对应策略。}

        ::imp-gift-q07::网点数量是多少？{#12:2}
        """;

    internal static Task<HttpResponseMessage> Upload(HttpClient client, string fileName, byte[] bytes, string? lesson = "p1-swot", string? format = null) =>
        Infrastructure.Upload.File(client, "/bank/import", "/bank/import", fileName, bytes,
            fields: new[] { ("lesson", lesson), ("format", format) }.Where(f => f.Item2 is not null).Select(f => KeyValuePair.Create(f.Item1, f.Item2!)));

    [GeneratedRegex("action=\"(/bank/import/[0-9a-f-]+/commit)\"")]
    private static partial Regex CommitAction();

    [Fact]
    public async Task A_gift_file_with_mixed_types_is_previewed_then_committed_as_version_1()
    {
        var client = await Examiner();
        var html = await (await Upload(client, "bank.gift", Encoding.UTF8.GetBytes(MixedGift))).Content.ReadAsStringAsync();
        var doc = await new HtmlParser().ParseDocumentAsync(html);
        Assert.Equal(["imp-gift-q01", "imp-gift-q02", "imp-gift-q03", "imp-gift-q04", "imp-gift-q05", "imp-gift-q06"],
            doc.QuerySelectorAll("#import-rows li.import-row").Select(li => li.GetAttribute("data-id")));
        Assert.Contains("bank.gift:17: 已跳过：数值题", doc.QuerySelector("#import-skipped")!.TextContent); // not a platform type
        Assert.False(await Factory.ScopedAsync(db => db.Questions.AnyAsync(q => q.Id.StartsWith("imp-gift"))), "the preview must not write");

        var commit = await client.PostFormAsync("/bank/import", WebUtility.HtmlDecode(CommitAction().Match(html).Groups[1].Value), []);
        Assert.Equal("/bank", commit.Headers.Location?.OriginalString);
        var records = await Factory.ScopedAsync(db => db.Questions.Where(q => q.Id.StartsWith("imp-gift")).OrderBy(q => q.Id).ToListAsync());
        Assert.Equal(["Single", "TrueFalse", "Multiple", "Matching", "Fill", "Essay"], records.Select(r => r.Type));
        Assert.All(records, r => Assert.Equal((1, "import", "p1-swot"), (r.CurrentVersion, r.Origin, r.LessonId)));
        Assert.Equal("definition", records[0].Anchor);
    }

    [Fact]
    public async Task A_malformed_file_lists_errors_with_lines_and_imports_nothing()
    {
        var client = await Examiner();
        var bad = "::bad-q01::好题{=对 ~错}\n\n::bad-q02::坏题{=没有结束\n\n::bad-q03::另一道{T}\n";
        var html = await (await Upload(client, "broken.gift", Encoding.UTF8.GetBytes(bad))).Content.ReadAsStringAsync();
        var doc = await new HtmlParser().ParseDocumentAsync(html);
        Assert.Contains("broken.gift:3", doc.QuerySelector("#import-errors")!.TextContent);
        Assert.DoesNotMatch(CommitAction(), html);
        Assert.False(await Factory.ScopedAsync(db => db.Questions.AnyAsync(q => q.Id.StartsWith("bad-q"))));
    }

    [Fact]
    public async Task Moodle_xml_with_an_external_entity_is_rejected()
    {
        var client = await Examiner();
        var secret = Path.Combine(Factory.DataFolder, "secret.txt");
        await File.WriteAllTextAsync(secret, "TOP-SECRET-VALUE");
        var xml = $"""<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file://{secret}">]><quiz><question type="truefalse"><name><text>xxe-q</text></name><questiontext format="html"><text>&xxe;</text></questiontext><answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question></quiz>""";
        var html = await (await Upload(client, "evil.xml", Encoding.UTF8.GetBytes(xml))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("TOP-SECRET-VALUE", html);
        Assert.DoesNotMatch(CommitAction(), html);
        Assert.NotNull((await new HtmlParser().ParseDocumentAsync(html)).QuerySelector("#import-errors"));
        Assert.False(await Factory.ScopedAsync(db => db.Questions.AnyAsync(q => q.Id == "xxe-q")));
    }

    [Fact]
    public async Task Questions_already_in_the_bank_with_the_same_content_are_left_unchanged()
    {
        var client = await Examiner();
        var export = await client.GetByteArrayAsync("/bank/export?format=Gift&Lesson=p1-crm");
        var html = await (await Upload(client, "again.gift", export, lesson: null)).Content.ReadAsStringAsync();
        var doc = await new HtmlParser().ParseDocumentAsync(html);
        var rows = doc.QuerySelectorAll("#import-rows li.import-row");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("Unchanged", r.GetAttribute("data-kind")));
        // Each may still be imported as a new question; by default every one is skipped.
        Assert.All(rows, r => Assert.Equal("Skip", r.QuerySelector("select.row-choice option[selected]")!.GetAttribute("value")));
        var before = await Factory.ScopedAsync(db => db.Questions.CountAsync());
        var commit = await client.PostFormAsync("/bank/import", WebUtility.HtmlDecode(CommitAction().Match(html).Groups[1].Value), []);
        Assert.Equal("/bank", commit.Headers.Location?.OriginalString);
        Assert.Equal(before, await Factory.ScopedAsync(db => db.Questions.CountAsync()));
    }

    public static TheoryData<string, string> Formats => new()
    {
        { "Gift", "text/plain" }, { "MoodleXml", "application/xml" }, { "Aiken", "text/plain" }, { "Csv", "text/csv" },
        { "Xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Export_of_a_filtered_selection_reads_back_to_the_same_questions(string format, string contentType)
    {
        var client = await Examiner();
        var response = await client.GetAsync($"/bank/export?format={format}&Lesson=p2-fab-selling&confirmed=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(contentType, response.Content.Headers.ContentType!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var result = format switch
        {
            "Gift" => GiftFormat.Parse("x.gift", Encoding.UTF8.GetString(bytes)),
            "MoodleXml" => MoodleXmlFormat.Parse("x.xml", new MemoryStream(bytes)),
            "Aiken" => AikenFormat.Parse("x.txt", Encoding.UTF8.GetString(bytes)),
            "Csv" => SpreadsheetFormat.ParseCsv("x.csv", new MemoryStream(bytes)),
            _ => SpreadsheetFormat.ParseXlsx("x.xlsx", new MemoryStream(bytes)),
        };
        Assert.True(result.Ok, string.Join("\n", result.Issues));
        var shipped = Factory.Services.GetRequiredService<ContentCatalog>().Questions.Select(b => b.Question).Where(q => q.LessonId == "p2-fab-selling").ToList();
        if (format is "Gift" or "MoodleXml")
        {
            // GIFT (the @certplatform comment) and Moodle XML (a certplatform:pool tag) carry the pool too: an exact round trip.
            Assert.Equal(shipped.OrderBy(q => q.Id).Select(QuestionJson.Serialize), result.Questions.Select(q => q.Question).OrderBy(q => q.Id).Select(QuestionJson.Serialize));
        }
        else
        {
            var expected = shipped.Where(q => format == "Aiken" ? q.Type == QuestionType.Single
                : q.Type is not (QuestionType.Matching or QuestionType.Ordering or QuestionType.Case)).ToList();
            Assert.Equal(expected.Count, result.Questions.Count);
            Assert.Equal(expected.Select(q => q.Stem).Order(), result.Questions.Select(q => q.Question.Stem).Order());
        }
    }

    [Fact]
    public async Task Trainees_cannot_export_or_import()
    {
        var trainee = await Factory.SignedInClient(Demo.Account(Roles.Trainee).Email, Demo.Account(Roles.Trainee).Password);
        var export = await trainee.GetAsync("/bank/export?format=Gift");
        Assert.Contains("access-denied", export.Headers.Location!.ToString());
        var import = await trainee.GetAsync("/bank/import");
        Assert.Contains("access-denied", import.Headers.Location!.ToString());
    }
}
