using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.IntegrationTests.Features.QuestionBank;

/// <summary>
/// The import preview shows the images a file carries as trainees will see them, before anything is stored in the
/// bank: from the stored preview (its owner only, while it is pending), or inline when a file with errors is not stored.
/// </summary>
public sealed partial class ImportPreviewImageTests(SharedApp app) : IClassFixture<SharedApp>
{
    private AppFactory Factory => app.Factory;

    [GeneratedRegex("action=\"(/bank/import/[0-9a-f-]+/commit)\"")]
    private static partial Regex CommitAction();

    /// <summary>A 1×1 PNG with <paramref name="tag"/> and <paramref name="padding"/> bytes after its end, so each test image is new to the bank.</summary>
    private static byte[] Png(string tag, int padding = 0) =>
        [.. Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="), .. Encoding.UTF8.GetBytes(tag), .. new byte[padding]];

    private static string Sha(byte[] b) => Convert.ToHexStringLower(SHA256.HashData(b));

    private static string Question(string id, string stemFile, byte[]? stem, string answerFile, byte[] answer) => $"""
          <question type="multichoice">
            <name><text>{id}</text></name>
            <questiontext format="html">
              <text><![CDATA[<p>图中标出的设备是？</p><p><img src="@@PLUGINFILE@@/{stemFile}" alt="OLT"></p>]]></text>
              {(stem is null ? "" : $"""<file name="{stemFile}" path="/" encoding="base64">{Convert.ToBase64String(stem)}</file>""")}
            </questiontext>
            <single>true</single>
            <answer fraction="100" format="html">
              <text><![CDATA[OLT <img src="@@PLUGINFILE@@/{answerFile}">]]></text>
              <file name="{answerFile}" path="/" encoding="base64">{Convert.ToBase64String(answer)}</file>
            </answer>
            <answer fraction="0" format="html"><text>ONU</text></answer>
          </question>
        """;

    private static byte[] Quiz(params string[] questions) => Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n{string.Concat(questions)}\n</quiz>\n");

    private static List<string?> Sources(IDocument doc, string id) =>
        doc.QuerySelectorAll("#import-rows li.import-row").Single(li => li.GetAttribute("data-id") == id)
            .QuerySelectorAll(".question-preview img.question-image").Select(i => i.GetAttribute("src")).ToList();

    [Fact]
    public async Task Carried_images_are_served_from_the_pending_preview_to_its_owner_only_and_from_the_bank_after_the_commit()
    {
        var stem = Png("preview-stem");
        var option = Png("preview-option");
        var client = await Factory.SignedInClient(Demo.Account(Roles.Examiner).Email, Demo.Account(Roles.Examiner).Password);
        var response = await QuestionImportExportTests.Upload(client, "pictures.xml", Quiz(Question("pvimg-q1", "olt.png", stem, "a.png", option)), lesson: "p4-fttx");
        var html = await response.Content.ReadAsStringAsync();
        var doc = await new HtmlParser().ParseDocumentAsync(html);
        var commit = WebUtility.HtmlDecode(CommitAction().Match(html).Groups[1].Value);
        var importUrl = commit[..^"/commit".Length];
        Assert.Equal([$"{importUrl}/images/{Sha(stem)}", $"{importUrl}/images/{Sha(option)}"], Sources(doc, "pvimg-q1"));

        // The owner gets the bytes, served like the bank's images; nothing is stored in the bank by the preview.
        var image = await client.GetAsync($"{importUrl}/images/{Sha(stem)}");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(stem, await image.Content.ReadAsByteArrayAsync());
        Assert.Contains("sandbox", image.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(option, await client.GetByteArrayAsync($"{importUrl}/images/{Sha(option)}"));
        Assert.False(await Factory.ScopedAsync(db => db.QuestionImages.AnyAsync(i => i.Sha256 == Sha(stem) || i.Sha256 == Sha(option))));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{importUrl}/images/{new string('0', 64)}")).StatusCode);

        // The stored preview's page (after a reload) shows them the same way.
        var again = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(importUrl));
        Assert.Equal([$"{importUrl}/images/{Sha(stem)}", $"{importUrl}/images/{Sha(option)}"], Sources(again, "pvimg-q1"));

        // Nobody else sees them: another examiner-capable user gets 404, an anonymous visitor the sign-in page.
        var admin = await Factory.SignedInClient(Demo.Account(Roles.Admin).Email, Demo.Account(Roles.Admin).Password);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{importUrl}/images/{Sha(stem)}")).StatusCode);
        Assert.Contains("/account/login", (await Factory.NewClient().GetAsync($"{importUrl}/images/{Sha(stem)}")).Headers.Location!.ToString());

        // Once committed the preview is gone (404) and the question's images come from the bank.
        Assert.Equal("/bank", (await client.PostFormAsync("/bank/import", commit, [])).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{importUrl}/images/{Sha(stem)}")).StatusCode);
        Assert.Equal(stem, await client.GetByteArrayAsync($"/images/{Sha(stem)}"));
    }

    [Fact]
    public async Task A_file_with_errors_is_not_stored_so_its_small_images_are_inline_and_a_large_one_is_named_instead()
    {
        var stem = Png("inline-stem");
        var large = Png("inline-large", 300 * 1024);
        var client = await Factory.SignedInClient(Demo.Account(Roles.Examiner).Email, Demo.Account(Roles.Examiner).Password);
        // The second question refers to a stem image the file does not contain: an error, so nothing can be committed.
        var file = Quiz(Question("pvimg-q2", "olt.png", stem, "big.png", large), Question("pvimg-q3", "missing.png", null, "b.png", Png("inline-other")));
        var response = await QuestionImportExportTests.Upload(client, "broken.xml", file, lesson: "p4-fttx");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var doc = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("missing.png", doc.QuerySelector("#import-errors")!.TextContent);
        // A refused file says what it read, never "to be created".
        Assert.DoesNotContain("新建", doc.QuerySelector("#import-summary")!.TextContent);
        Assert.Contains("均未导入", doc.QuerySelector("#import-summary")!.TextContent);
        Assert.All(doc.QuerySelectorAll("#import-rows .badge"), b => Assert.Equal("未导入", b.TextContent));
        var row = doc.QuerySelectorAll("#import-rows li.import-row").Single(li => li.GetAttribute("data-id") == "pvimg-q2");
        Assert.Equal([$"data:image/png;base64,{Convert.ToBase64String(stem)}"], Sources(doc, "pvimg-q2"));
        Assert.Contains("选项 A 的图片较大", row.QuerySelector(".image-not-shown")!.TextContent);
        Assert.False(await Factory.ScopedAsync(db => db.QuestionImages.AnyAsync(i => i.Sha256 == Sha(stem))));
    }
}
