using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.QuestionBank.Formats;
using Microsoft.EntityFrameworkCore;
using static CertPlatform.IntegrationTests.Infrastructure.HttpClientForms;

namespace CertPlatform.IntegrationTests.Features.QuestionBank;

/// <summary>Images carried by QTI packages and Moodle XML through the real import, the question page and the export.</summary>
public sealed partial class QuestionImageInterchangeTests(SharedApp app) : IClassFixture<SharedApp>
{
    // A PNG of its own (trailing bytes after IEND) so the image is new to the bank.
    private static readonly byte[] Png = [.. Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="), 0x49, 0x4D, 0x47, 0x52, 0x54];
    private static readonly string Sha = Convert.ToHexStringLower(SHA256.HashData(Png));

    [GeneratedRegex("action=\"(/bank/import/[0-9a-f-]+/commit)\"")]
    private static partial Regex CommitAction();

    private static byte[] Package()
    {
        const string item = """
            <qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="imgrt-q1" title="看图识设备">
              <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier">
                <qti-correct-response><qti-value>A</qti-value></qti-correct-response>
              </qti-response-declaration>
              <qti-item-body>
                <p>图中标出的局端设备是？</p>
                <p><img src="images/olt.png" alt="OLT"/></p>
                <qti-choice-interaction response-identifier="RESPONSE" max-choices="1">
                  <qti-simple-choice identifier="A">OLT</qti-simple-choice>
                  <qti-simple-choice identifier="B">ONU</qti-simple-choice>
                </qti-choice-interaction>
              </qti-item-body>
            </qti-assessment-item>
            """;
        const string manifest = """
            <manifest xmlns="http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1" identifier="m">
              <resources>
                <resource identifier="r1" type="imsqti_item_xmlv3p0" href="imgrt-q1.xml"><file href="imgrt-q1.xml"/><file href="images/olt.png"/></resource>
              </resources>
            </manifest>
            """;
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, bytes) in new[] { ("imsmanifest.xml", Encoding.UTF8.GetBytes(manifest)), ("imgrt-q1.xml", Encoding.UTF8.GetBytes(item)), ("images/olt.png", Png) })
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(bytes);
            }
        return ms.ToArray();
    }

    [Fact]
    public async Task A_package_image_is_stored_shown_and_exported_so_that_a_reimport_gets_the_same_bytes()
    {
        var client = await app.Factory.SignedInClient(Demo.Account(Roles.Examiner).Email, Demo.Account(Roles.Examiner).Password);
        var preview = await (await QuestionImportExportTests.Upload(client, "pics.zip", Package(), lesson: "p4-fttx")).Content.ReadAsStringAsync();
        Assert.False(await app.Factory.ScopedAsync(db => db.QuestionImages.AnyAsync(i => i.Sha256 == Sha)), "the preview must not store the image");
        var commit = await client.PostFormAsync("/bank/import", WebUtility.HtmlDecode(CommitAction().Match(preview).Groups[1].Value), []);
        Assert.Equal("/bank", commit.Headers.Location?.OriginalString);

        // The question shows the image, served with the same bytes.
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/bank/imgrt-q1"));
        Assert.Contains(page.QuerySelectorAll("img"), img => img.GetAttribute("src") == $"/images/{Sha}");
        Assert.Equal(Png, await client.GetByteArrayAsync($"/images/{Sha}"));

        // QTI and Moodle XML exports carry it; a re-import reads the same bytes.
        var qti = await client.GetByteArrayAsync("/bank/export?format=Qti&Q=imgrt-q1&confirmed=true");
        var fromQti = Assert.Single(QtiFormat.Parse("x.zip", new MemoryStream(qti)).Questions);
        Assert.Equal(Sha, fromQti.Question.StemImage);
        Assert.Equal(Png, fromQti.Images[Sha].Bytes);
        var moodle = await client.GetByteArrayAsync("/bank/export?format=MoodleXml&Q=imgrt-q1&confirmed=true");
        var fromMoodle = Assert.Single(MoodleXmlFormat.Parse("x.xml", new MemoryStream(moodle)).Questions);
        Assert.Equal(Png, fromMoodle.Images[fromMoodle.Question.StemImage!].Bytes);

        // GIFT cannot carry it: the export page names the question before the download.
        var gift = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/bank/export?format=Gift&Q=imgrt-q1"));
        Assert.Contains("imgrt-q1", gift.QuerySelector("#export-images-left-out")!.TextContent);
    }
}
