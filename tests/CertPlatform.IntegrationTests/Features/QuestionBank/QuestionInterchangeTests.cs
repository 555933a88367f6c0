using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CertPlatform.IntegrationTests.Features.Admin;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank.Formats;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.IntegrationTests.Features.QuestionBank;

/// <summary>
/// Issue 14's "done when": real-world files import with a preview that shows keys and names what was left out, and
/// re-importing an edited export updates the bank as new versions. Plus the upload limits' messages.
/// </summary>
public sealed partial class QuestionInterchangeTests(SharedApp app) : IClassFixture<SharedApp>
{
    private AppFactory Factory => app.Factory;
    private Task<HttpClient> Examiner() => Factory.SignedInClient(Demo.Account(Roles.Examiner).Email, Demo.Account(Roles.Examiner).Password);

    private static Task<HttpResponseMessage> Upload(HttpClient client, string fileName, byte[] bytes, string? lesson = "p1-swot") =>
        QuestionImportExportTests.Upload(client, fileName, bytes, lesson);

    [GeneratedRegex("action=\"(/bank/import/[0-9a-f-]+/commit)\"")]
    private static partial Regex CommitAction();

    private static async Task<(string Html, IDocument Doc)> Page(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return (html, await new HtmlParser().ParseDocumentAsync(html));
    }

    private static IElement Row(IDocument doc, string id) =>
        doc.QuerySelectorAll("#import-rows li.import-row").Single(li => li.GetAttribute("data-id") == id);

    private static Task<HttpResponseMessage> Commit(HttpClient client, string html, string existing = "Update") =>
        client.PostFormAsync("/bank/import", WebUtility.HtmlDecode(CommitAction().Match(html).Groups[1].Value), [new("existing", existing)]);

    [Fact]
    public async Task A_gift_file_with_essays_without_feedback_imports_them_as_drafts_and_the_preview_shows_keys_and_what_was_left_out()
    {
        const string gift = """
            $CATEGORY: $course$/top/服务营销

            ::ix-essay-1::论述如何提升客户满意度。{}

            ::ix-essay-2::[html]<p>说明<b>客户流失</b>的三个原因。</p>{}

            ::ix-choice::以下哪项属于外部环境因素？{
              ~优势#S 是内部因素
              =机会#正确
              ~劣势
            }

            ::ix-match::配对。{=S -> 优势 =O -> 机会 = -> 多余的干扰项}
            """;
        var client = await Examiner();
        var (html, doc) = await Page(await Upload(client, "essays.gift", Encoding.UTF8.GetBytes(gift)));
        Assert.Null(doc.QuerySelector("#import-errors"));
        Assert.Contains("问答题没有评分要点", Row(doc, "ix-essay-1").QuerySelector(".import-notes")!.TextContent);
        Assert.Contains("说明客户流失的三个原因。", Row(doc, "ix-essay-2").TextContent); // [html] converted, no tags shown
        Assert.DoesNotContain("&lt;p&gt;", Row(doc, "ix-essay-2").InnerHtml);
        Assert.Contains("B", Row(doc, "ix-choice").QuerySelector(".question-key")!.TextContent); // the key is visible before commit
        Assert.Contains("多余的干扰项", Row(doc, "ix-match").QuerySelector(".import-notes")!.TextContent);
        Assert.Contains("服务营销", Row(doc, "ix-choice").TextContent); // category kept (as a tag)
        Assert.DoesNotContain("Single", doc.QuerySelector("#import-rows")!.TextContent); // Chinese UI: no English type words

        var commit = await Commit(client, html);
        Assert.Equal("/bank", commit.Headers.Location?.OriginalString);
        var records = await Factory.ScopedAsync(db => db.Questions.Where(q => q.Id.StartsWith("ix-")).OrderBy(q => q.Id).ToListAsync());
        Assert.Equal(["ix-choice", "ix-essay-1", "ix-essay-2", "ix-match"], records.Select(r => r.Id));
        Assert.Equal(["Ready", "Draft", "Draft", "Ready"], records.Select(r => r.Status));
        Assert.All(records, r => Assert.Contains("|服务营销|", r.Tags));
    }

    [Fact]
    public async Task A_gbk_encoded_aiken_file_is_read_as_gb18030_and_previewed_with_keys()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = "以下哪项属于客户维系的手段？\r\nA. 价格战\r\nB. 客户关怀\r\nC. 停止服务\r\nANSWER: B\r\n";
        var client = await Examiner();
        var (html, doc) = await Page(await Upload(client, "gbk.txt", Encoding.GetEncoding("GB18030").GetBytes(text)));
        Assert.Contains("GB18030", doc.QuerySelector("#import-encoding")!.TextContent);
        var row = Assert.Single(doc.QuerySelectorAll("#import-rows li.import-row"));
        Assert.Contains("以下哪项属于客户维系的手段？", row.TextContent);
        Assert.Contains("客户关怀", row.TextContent);
        Assert.Contains("B", row.QuerySelector(".question-key")!.TextContent);
        Assert.Matches(CommitAction(), html);

        // Bytes that are neither UTF-8, UTF-16 nor GB18030 are refused, not guessed.
        var (_, refused) = await Page(await Upload(client, "latin1.txt", Encoding.Latin1.GetBytes("Quelle est la capitale? café crème\nA. Paris\nB. Lyon\nANSWER: A\n")));
        Assert.Contains("文字编码", refused.QuerySelector("#import-errors")!.TextContent);
    }

    private static byte[] QtiPackage()
    {
        const string ns = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0";
        var choice = $"""
            <qti-assessment-item xmlns="{ns}" identifier="ix-qti-choice" title="外部因素" adaptive="false" time-dependent="false">
              <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier">
                <qti-correct-response><qti-value>B</qti-value></qti-correct-response>
              </qti-response-declaration>
              <qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float"/>
              <qti-item-body>
                <p>SWOT 中属于外部因素的是？</p>
                <qti-choice-interaction response-identifier="RESPONSE" max-choices="1">
                  <qti-simple-choice identifier="A">优势</qti-simple-choice>
                  <qti-simple-choice identifier="B">机会</qti-simple-choice>
                  <qti-simple-choice identifier="C">劣势</qti-simple-choice>
                </qti-choice-interaction>
              </qti-item-body>
              <qti-response-processing template="https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml"/>
            </qti-assessment-item>
            """;
        var hotspot = $"""
            <qti-assessment-item xmlns="{ns}" identifier="ix-qti-hotspot" title="点选营业厅" adaptive="false" time-dependent="false">
              <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier"/>
              <qti-item-body>
                <qti-hotspot-interaction response-identifier="RESPONSE" max-choices="1">
                  <img src="map.png" alt="地图"/>
                  <qti-hotspot-choice identifier="H1" shape="circle" coords="10,10,5"/>
                </qti-hotspot-interaction>
              </qti-item-body>
            </qti-assessment-item>
            """;
        var manifest = """
            <manifest xmlns="http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1" identifier="pkg">
              <resources>
                <resource identifier="r1" type="imsqti_item_xmlv3p0" href="items/choice.xml"><file href="items/choice.xml"/></resource>
                <resource identifier="r2" type="imsqti_item_xmlv3p0" href="items/hotspot.xml"><file href="items/hotspot.xml"/></resource>
              </resources>
            </manifest>
            """;
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in new[] { ("imsmanifest.xml", manifest), ("items/choice.xml", choice), ("items/hotspot.xml", hotspot) })
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                w.Write(content);
            }
        return ms.ToArray();
    }

    [Fact]
    public async Task A_qti_3_package_with_an_unsupported_hotspot_item_imports_the_rest_and_names_the_hotspot()
    {
        var client = await Examiner();
        var (html, doc) = await Page(await Upload(client, "package.zip", QtiPackage()));
        Assert.Null(doc.QuerySelector("#import-errors"));
        var skipped = doc.QuerySelector("#import-skipped")!.TextContent;
        Assert.Contains("ix-qti-hotspot", skipped);
        Assert.Contains("qti-hotspot-interaction", skipped);
        var row = Row(doc, "ix-qti-choice");
        Assert.Contains("SWOT 中属于外部因素的是？", row.TextContent);
        Assert.Contains("B", row.QuerySelector(".question-key")!.TextContent);
        Assert.Equal("/bank", (await Commit(client, html)).Headers.Location?.OriginalString);
        Assert.True(await Factory.ScopedAsync(db => db.Questions.AnyAsync(q => q.Id == "ix-qti-choice" && q.Type == "Single")));
    }

    [Fact]
    public async Task Re_importing_an_edited_export_updates_the_bank_as_new_versions_after_a_diff()
    {
        var client = await Examiner();
        var export = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/bank/export?format=MoodleXml&Lesson=p1-customer-value"));
        var before = await Factory.ScopedAsync(db => db.Questions.Where(q => q.LessonId == "p1-customer-value").OrderBy(q => q.Id).ToListAsync());
        var target = before[0];
        var original = await Factory.ScopedAsync(db => db.QuestionVersions.Where(v => v.QuestionId == target.Id && v.Version == target.CurrentVersion).Select(v => v.PayloadJson).SingleAsync());
        var stem = QuestionJson.Deserialize(original).Stem;
        var edited = export.Replace(System.Security.SecurityElement.Escape(stem), System.Security.SecurityElement.Escape(stem + "（修订）"), StringComparison.Ordinal);
        Assert.NotEqual(export, edited);

        var (html, doc) = await Page(await Upload(client, "edited.xml", Encoding.UTF8.GetBytes(edited), lesson: null));
        Assert.Null(doc.QuerySelector("#import-errors"));
        var changed = Row(doc, target.Id);
        Assert.Equal("Changed", changed.GetAttribute("data-kind"));
        Assert.Contains("（修订）", changed.QuerySelector(".diff .added")!.TextContent);
        Assert.All(doc.QuerySelectorAll("#import-rows li.import-row").Where(r => r != changed), r => Assert.Equal("Unchanged", r.GetAttribute("data-kind")));

        var commit = await Commit(client, html, "Update");
        Assert.Equal("/bank", commit.Headers.Location?.OriginalString);
        var after = await Factory.ScopedAsync(db => db.Questions.Where(q => q.LessonId == "p1-customer-value").OrderBy(q => q.Id).ToListAsync());
        Assert.Equal(before.Select(q => q.Id), after.Select(q => q.Id)); // nothing created
        Assert.Equal(target.CurrentVersion + 1, after[0].CurrentVersion);
        Assert.Equal(before.Skip(1).Select(q => q.CurrentVersion), after.Skip(1).Select(q => q.CurrentVersion));
        var latest = await Factory.ScopedAsync(db => db.QuestionVersions.Where(v => v.QuestionId == target.Id && v.Version == after[0].CurrentVersion).SingleAsync());
        Assert.EndsWith("（修订）", QuestionJson.Deserialize(latest.PayloadJson).Stem);
        Assert.Contains("edited.xml", latest.Note);
    }

    [Fact]
    public async Task Importing_an_edited_question_as_new_keeps_the_bank_version_and_adds_a_suffixed_copy()
    {
        var client = await Examiner();
        var export = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/bank/export?format=Gift&Lesson=p1-crm"));
        var first = await Factory.ScopedAsync(db => db.Questions.Where(q => q.LessonId == "p1-crm").OrderBy(q => q.Id).FirstAsync());
        var edited = export.Replace("::" + GiftFormat.Escape(first.Id) + "::", "::" + GiftFormat.Escape(first.Id) + "::（新）", StringComparison.Ordinal);
        var (html, doc) = await Page(await Upload(client, "copy.gift", Encoding.UTF8.GetBytes(edited), lesson: null));
        Assert.Equal("Changed", Row(doc, first.Id).GetAttribute("data-kind"));
        await Commit(client, html, "ImportAsNew");
        Assert.True(await Factory.ScopedAsync(db => db.Questions.AnyAsync(q => q.Id == first.Id + "-2" && q.CurrentVersion == 1)));
        Assert.Equal(first.CurrentVersion, await Factory.ScopedAsync(db => db.Questions.Where(q => q.Id == first.Id).Select(q => q.CurrentVersion).SingleAsync()));
    }

    [Fact]
    public async Task A_file_a_little_over_the_limit_gets_the_size_message_and_an_empty_file_says_it_is_empty()
    {
        var client = await Examiner();
        var big = new byte[ImportLimits.MaxBytes + 100_000];
        Array.Fill(big, (byte)'a');
        var response = await Upload(client, "big.gift", big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("单次最多导入 16 MB", (await Page(response)).Doc.QuerySelector("#file-error")!.TextContent);

        var empty = await Upload(client, "empty.gift", []);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("是空的", (await Page(empty)).Doc.QuerySelector("#file-error")!.TextContent);
    }

    [Fact]
    public async Task An_aiken_export_names_the_questions_it_cannot_hold_before_the_download()
    {
        var client = await Examiner();
        var response = await client.GetAsync("/bank/export?format=Aiken&Lesson=p2-fab-selling");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType!.ToString());
        var doc = (await Page(response)).Doc;
        Assert.NotEmpty(doc.QuerySelectorAll("#export-skipped li"));
        Assert.Contains("只能保存单选题", doc.QuerySelector("#export-skipped")!.TextContent);
        var download = await client.GetAsync(WebUtility.HtmlDecode(doc.QuerySelector("#export-download")!.GetAttribute("href")!));
        Assert.StartsWith("text/plain", download.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task A_qti_export_round_trips_through_the_importer_unchanged()
    {
        var client = await Examiner();
        var response = await client.GetAsync("/bank/export?format=Qti&Lesson=p1-swot&confirmed=true");
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        var (html, doc) = await Page(await Upload(client, "qti.zip", await response.Content.ReadAsByteArrayAsync(), lesson: null));
        Assert.Null(doc.QuerySelector("#import-errors"));
        var rows = doc.QuerySelectorAll("#import-rows li.import-row");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("Unchanged", r.GetAttribute("data-kind")));
        // Nothing changes unless a question is chosen to be imported as new: every row's choice starts at "skip".
        Assert.All(rows, r => Assert.Equal("Skip", r.QuerySelector("select.row-choice option[selected]")!.GetAttribute("value")));
    }

    [Fact]
    public async Task The_employee_import_answers_oversized_and_empty_files_with_their_message()
    {
        var admin = await Factory.SignedInClient(Demo.Account(Roles.Admin).Email, Demo.Account(Roles.Admin).Password);
        var big = new byte[Web.Features.Admin.EmployeeImportParser.MaxFileBytes + 100_000];
        Array.Fill(big, (byte)'a');
        var response = await Infrastructure.Upload.EmployeeFile(admin, "staff.csv", big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("超过 2 MB 的上限", await response.Content.ReadAsStringAsync());
        var empty = await Infrastructure.Upload.EmployeeFile(admin, "staff.csv", []);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("是空的", await empty.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_import_command_prints_json_with_keys_and_exits_non_zero_on_errors()
    {
        var file = Path.Combine(Factory.DataFolder, "cli.gift");
        await File.WriteAllTextAsync(file, "::cx-cli-1::客户满意度的核心是？{=感知与期望 ~价格}\n\n::cx-cli-2::论述服务补救。{}\n");
        var stdout = new StringWriter();
        var code = await Web.Features.QuestionBank.QuestionImportCommand.RunAsync(Factory.Services, ["import", file, "--lesson", "p3-basic-concepts", "--json"], stdout, new StringWriter());
        Assert.Equal(0, code);
        using var json = System.Text.Json.JsonDocument.Parse(stdout.ToString());
        var created = json.RootElement.GetProperty("created").EnumerateArray().ToList();
        Assert.Equal(["cx-cli-1", "cx-cli-2"], created.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal("single", created[0].GetProperty("type").GetString());
        Assert.Equal("A", created[0].GetProperty("key").GetString());
        Assert.Equal(["A. 感知与期望", "B. 价格"], created[0].GetProperty("options").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(0, json.RootElement.GetProperty("errors").GetArrayLength());
        Assert.True(await Factory.ScopedAsync(db => db.Questions.AnyAsync(q => q.Id == "cx-cli-2" && q.Status == "Draft")));

        // The same file again: nothing changes, and the skipped entries speak the language asked for.
        foreach (var (lang, expected) in new[] { ("zh-CN", "cx-cli-1：与题库中的 v1 相同，不改动"), ("en", "cx-cli-1: same as v1 in the bank; not changed") })
        {
            stdout = new StringWriter();
            code = await Web.Features.QuestionBank.QuestionImportCommand.RunAsync(Factory.Services, ["import", file, "--lesson", "p3-basic-concepts", "--json", "--dry-run", "--lang", lang], stdout, new StringWriter());
            Assert.Equal(0, code);
            using var again = System.Text.Json.JsonDocument.Parse(stdout.ToString());
            Assert.Contains(expected, again.RootElement.GetProperty("skipped").EnumerateArray().Select(s => s.GetProperty("message").GetString()));
        }
        var usage = new StringWriter();
        Assert.Equal(2, await Web.Features.QuestionBank.QuestionImportCommand.RunAsync(Factory.Services, ["import", file, "--lang", "fr"], new StringWriter(), usage));
        Assert.Contains("unknown --lang", usage.ToString());

        await File.WriteAllTextAsync(file, "::cx-cli-3::坏题{=没有结束\n");
        stdout = new StringWriter();
        code = await Web.Features.QuestionBank.QuestionImportCommand.RunAsync(Factory.Services, ["import", file, "--lesson", "p3-basic-concepts", "--json", "--dry-run"], stdout, new StringWriter());
        Assert.Equal(1, code);
        using var errors = System.Text.Json.JsonDocument.Parse(stdout.ToString());
        var error = Assert.Single(errors.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(1, error.GetProperty("line").GetInt32());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
    }
}
