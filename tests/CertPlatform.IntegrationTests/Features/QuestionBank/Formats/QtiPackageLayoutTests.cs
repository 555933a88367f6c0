using System.IO.Compression;
using System.Text;
using AngleSharp.Html.Parser;
using CertPlatform.IntegrationTests.Features.Admin;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank.Formats;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.IntegrationTests.Features.QuestionBank.Formats;

/// <summary>
/// QTI packages in both layouts the platform has written reach the same bank questions by stable id: today's (the
/// metadata in a <c>resourceextmetadata/xml</c> file) and the earlier one (a <c>&lt;cp:certplatform&gt;</c> element inside
/// the resource's metadata in <c>imsmanifest.xml</c>). The item identifier (<c>item-0001</c>) is not the id: only the
/// metadata says which question an item is.
/// </summary>
public sealed class QtiPackageLayoutTests(SharedApp app) : IClassFixture<SharedApp>
{
    private AppFactory Factory => app.Factory;

    private static byte[] Zip(IEnumerable<(string Name, string Content)> entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
                using (var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false)))
                    w.Write(content);
        return ms.ToArray();
    }

    /// <summary>The package's entries as text, with <paramref name="from"/> replaced by <paramref name="to"/> in every one.</summary>
    private static Dictionary<string, string> Edited(byte[] package, string from, string to)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e => new StreamReader(e.Open(), Encoding.UTF8).ReadToEnd().Replace(from, to, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_edited_package_of_either_layout_updates_the_same_question_as_a_new_version(bool earlierLayout)
    {
        var client = await Factory.SignedInClient(Demo.Account(Roles.Examiner).Email, Demo.Account(Roles.Examiner).Password);
        var lesson = earlierLayout ? "p1-crm" : "p1-swot"; // one question per case, so the two runs do not meet
        var record = await Factory.ScopedAsync(db => db.Questions.Where(q => q.LessonId == lesson && q.Type == "Single").OrderBy(q => q.Id).FirstAsync());
        var payload = await Factory.ScopedAsync(db => db.QuestionVersions.Where(v => v.QuestionId == record.Id && v.Version == record.CurrentVersion).Select(v => v.PayloadJson).SingleAsync());
        var question = QuestionJson.Deserialize(payload);
        var stem = System.Security.SecurityElement.Escape(question.Stem.Split('\n')[0]);
        var entries = Edited(QtiFormat.WritePackage([question]).Package, stem, stem + "（修订）");
        Assert.Contains("（修订）", entries["items/item-0001.xml"]);
        if (earlierLayout)
        {
            // What earlier versions wrote: no metadata file, the same JSON inside the resource's metadata.
            var json = System.Xml.Linq.XDocument.Parse(entries["meta/item-0001.xml"]).Root!.Value;
            entries.Remove("meta/item-0001.xml");
            entries["imsmanifest.xml"] = $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest identifier="certplatform-export" xmlns:cp="urn:certplatform:question" xmlns="{QtiFormat.Cp3Namespace}">
                  <metadata><schema>QTI Package</schema><schemaversion>3.0.0</schemaversion></metadata>
                  <organizations />
                  <resources>
                    <resource identifier="res-item-0001" type="imsqti_item_xmlv3p0" href="items/item-0001.xml">
                      <metadata><cp:certplatform>{System.Security.SecurityElement.Escape(json)}</cp:certplatform></metadata>
                      <file href="items/item-0001.xml" />
                    </resource>
                  </resources>
                </manifest>
                """;
        }

        var response = await QuestionImportExportTests.Upload(client, earlierLayout ? "old.zip" : "new.zip", Zip(entries.Select(e => (e.Key, e.Value))), lesson: null);
        var doc = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Null(doc.QuerySelector("#import-errors"));
        var row = Assert.Single(doc.QuerySelectorAll("#import-rows li.import-row"));
        Assert.Equal((record.Id, "Changed"), (row.GetAttribute("data-id"), row.GetAttribute("data-kind")));
        Assert.Contains("（修订）", row.QuerySelector(".diff .added")!.TextContent);
    }
}
