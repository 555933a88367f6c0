using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank;
using CertPlatform.Web.Features.QuestionBank.Formats;

namespace CertPlatform.UnitTests.Features.QuestionBank.Formats;

/// <summary>Images carried by Moodle XML (embedded base64 files) and QTI packages (img resources), both ways.</summary>
public sealed class FormatImagesTests
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    /// <summary>A second, different PNG (bytes after IEND are ignored by viewers; the hash differs).</summary>
    private static readonly byte[] Png2 = [.. Png, 0x01, 0x02];
    private static readonly byte[] Svg = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");

    private static string Sha(byte[] b) => Convert.ToHexStringLower(SHA256.HashData(b));

    private static string MoodleQuestion(string stemFile, byte[] stemBytes, string answerFile, byte[] answerBytes, string? referenced = null) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <quiz>
          <question type="multichoice">
            <name><text>img-q1</text></name>
            <questiontext format="html">
              <text><![CDATA[<p>图中标出的设备是？</p><p><img src="@@PLUGINFILE@@/{referenced ?? Uri.EscapeDataString(stemFile)}" alt="OLT"></p>]]></text>
              <file name="{stemFile}" path="/" encoding="base64">{Convert.ToBase64String(stemBytes)}</file>
            </questiontext>
            <single>true</single>
            <answer fraction="100" format="html">
              <text><![CDATA[OLT <img src="@@PLUGINFILE@@/{answerFile}">]]></text>
              <file name="{answerFile}" path="/" encoding="base64">{Convert.ToBase64String(answerBytes)}</file>
            </answer>
            <answer fraction="0" format="html"><text>ONU</text></answer>
            <answer fraction="0" format="html"><text>分光器</text></answer>
          </question>
        </quiz>
        """;

    private static ImportResult ParseMoodle(string xml, ImageLimits? limits = null) =>
        MoodleXmlFormat.Parse("images.xml", new MemoryStream(Encoding.UTF8.GetBytes(xml)), limits);

    [Fact]
    public void Moodle_plugin_files_become_the_stem_and_option_images_with_their_bytes()
    {
        var r = ParseMoodle(MoodleQuestion("olt 图.png", Png, "a.png", Png2));
        Assert.True(r.Ok, string.Join("\n", r.Issues));
        var item = Assert.Single(r.Questions);
        Assert.Equal(Sha(Png), item.Question.StemImage);
        Assert.Equal("图中标出的设备是？", item.Question.Stem); // the img tag is not left as "[图片]"
        Assert.Equal([Sha(Png2), null, null], item.Question.Options.Select(o => o.Image));
        Assert.Equal("OLT", item.Question.Options[0].Text);
        Assert.Equal(Png, item.Images[Sha(Png)].Bytes);
        Assert.Equal(("image/png", "olt_图.png"), (item.Images[Sha(Png)].ContentType, item.Images[Sha(Png)].FileName)); // name sanitised
        Assert.Equal(Png2, item.Images[Sha(Png2)].Bytes);
    }

    [Fact]
    public void A_moodle_reference_without_its_file_is_an_error_with_the_question_and_line()
    {
        var r = ParseMoodle(MoodleQuestion("olt.png", Png, "a.png", Png2, referenced: "missing.png"));
        Assert.False(r.Ok);
        var issue = Assert.Single(r.Issues);
        Assert.Equal(6, issue.Line);
        Assert.Contains("img-q1", issue.Message);
        Assert.Contains("missing.png", issue.Message);
    }

    [Fact]
    public void Svg_is_refused_with_a_message_whatever_its_name()
    {
        var byName = ParseMoodle(MoodleQuestion("olt.svg", Png, "a.png", Png2));
        Assert.False(byName.Ok);
        Assert.Contains(byName.Issues, i => !i.Skipped && i.Message.Contains("SVG") && i.Line == 7);
        var byContent = ParseMoodle(MoodleQuestion("olt.png", Svg, "a.png", Png2));
        Assert.Contains(byContent.Issues, i => !i.Skipped && i.Message.Contains("SVG"));
        Assert.False(byContent.Ok);
    }

    [Fact]
    public void Non_images_oversized_images_and_too_many_image_bytes_per_file_are_refused()
    {
        var text = ParseMoodle(MoodleQuestion("olt.png", "hello"u8.ToArray(), "a.png", Png2));
        Assert.Contains(text.Issues, i => i.Message.Contains("不是 PNG、JPEG、GIF 或 WebP"));

        var big = new byte[3000];
        Png.CopyTo(big, 0);
        var oversized = ParseMoodle(MoodleQuestion("big.png", big, "a.png", Png2), new ImageLimits(2048, 10_000));
        Assert.Contains(oversized.Issues, i => !i.Skipped && i.Message.Contains("big.png") && i.Message.Contains("超过单张 2 KB"));

        var other = new byte[1500];
        Png.CopyTo(other, 0);
        other[^1] = 9;
        var budget = ParseMoodle(MoodleQuestion("one.png", big, "two.png", other), new ImageLimits(4096, 4096));
        Assert.Contains(budget.Issues, i => !i.Skipped && i.Message.Contains("合计超过"));
    }

    private const string Qti3 = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0";

    private static string QtiItem(string stemSrc) => $"""
        <qti-assessment-item xmlns="{Qti3}" identifier="pic-1" title="看图">
          <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier">
            <qti-correct-response><qti-value>A</qti-value></qti-correct-response>
          </qti-response-declaration>
          <qti-item-body>
            <p>图中标出的设备是？</p>
            <p><img src="{stemSrc}" alt="OLT"/></p>
            <qti-choice-interaction response-identifier="RESPONSE" max-choices="1">
              <qti-simple-choice identifier="A">OLT <img src="img/b.png" alt=""/></qti-simple-choice>
              <qti-simple-choice identifier="B">ONU</qti-simple-choice>
            </qti-choice-interaction>
          </qti-item-body>
        </qti-assessment-item>
        """;

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(content);
            }
        return ms.ToArray();
    }

    private const string Manifest = """
        <manifest xmlns="http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1" identifier="m">
          <resources>
            <resource identifier="r1" type="imsqti_item_xmlv3p0" href="items/pic-1.xml">
              <file href="items/pic-1.xml"/><file href="items/img/a.png"/><file href="items/img/b.png"/>
            </resource>
          </resources>
        </manifest>
        """;

    [Fact]
    public void A_qti_package_image_resource_becomes_the_stem_and_option_images()
    {
        var package = Zip(("imsmanifest.xml", Encoding.UTF8.GetBytes(Manifest)), ("items/pic-1.xml", Encoding.UTF8.GetBytes(QtiItem("img/a.png"))),
            ("items/img/a.png", Png), ("items/img/b.png", Png2));
        var r = QtiFormat.Parse("pics.zip", new MemoryStream(package));
        Assert.True(r.Ok, string.Join("\n", r.Issues));
        var item = Assert.Single(r.Questions);
        Assert.Equal(Sha(Png), item.Question.StemImage);
        Assert.Equal("图中标出的设备是？", item.Question.Stem);
        Assert.Equal([Sha(Png2), null], item.Question.Options.Select(o => o.Image));
        Assert.Equal(Png2, item.Images[Sha(Png2)].Bytes);
    }

    [Fact]
    public void A_qti_image_missing_from_the_package_or_outside_it_is_an_error_with_the_item_and_line()
    {
        var missing = QtiFormat.Parse("pics.zip", new MemoryStream(Zip(("imsmanifest.xml", Encoding.UTF8.GetBytes(Manifest)),
            ("items/pic-1.xml", Encoding.UTF8.GetBytes(QtiItem("img/gone.png"))), ("items/img/b.png", Png2))));
        var issue = Assert.Single(missing.Issues);
        Assert.False(issue.Skipped);
        Assert.Equal(("pics.zip/items/pic-1.xml", 7), (issue.File, issue.Line));
        Assert.Contains("pic-1", issue.Message);
        Assert.Contains("img/gone.png", issue.Message);

        var outside = QtiFormat.Parse("pics.zip", new MemoryStream(Zip(("imsmanifest.xml", Encoding.UTF8.GetBytes(Manifest)),
            ("items/pic-1.xml", Encoding.UTF8.GetBytes(QtiItem("../../etc/passwd"))), ("items/img/b.png", Png2))));
        Assert.Contains(outside.Issues, i => !i.Skipped && i.Message.Contains("压缩包之外"));

        var svg = QtiFormat.Parse("pics.zip", new MemoryStream(Zip(("imsmanifest.xml", Encoding.UTF8.GetBytes(Manifest)),
            ("items/pic-1.xml", Encoding.UTF8.GetBytes(QtiItem("img/a.svg"))), ("items/img/a.svg", Svg), ("items/img/b.png", Png2))));
        Assert.Contains(svg.Issues, i => !i.Skipped && i.Message.Contains("SVG") && i.Line == 7);
    }

    private static readonly Question Pictured = new()
    {
        Id = "pic-q1", Type = QuestionType.Single, Stem = "图中标出的设备是？\n请选择。", StemImage = Sha(Png), LessonId = "p4-fttx", Difficulty = 2,
        Options = [new("OLT", true, Sha(Png2)), new("ONU", false), new("分光器", false)],
    };

    private static Dictionary<string, ImportedImage> Images => new()
    {
        [Sha(Png)] = new(Sha(Png), "image/png", "olt.png", Png), [Sha(Png2)] = new(Sha(Png2), "image/png", "a.png", Png2),
    };

    [Fact]
    public void A_qti_export_writes_the_images_as_listed_package_resources_and_reads_back_the_same_bytes()
    {
        var export = QtiFormat.WritePackage([Pictured], Images);
        using (var zip = new ZipArchive(new MemoryStream(export.Package), ZipArchiveMode.Read))
        {
            var manifest = XDocument.Load(zip.GetEntry("imsmanifest.xml")!.Open());
            var files = manifest.Descendants().Where(e => e.Name.LocalName == "file").Select(e => (string)e.Attribute("href")!).ToList();
            Assert.Contains($"images/{Sha(Png)[..16]}.png", files);
            Assert.Contains($"images/{Sha(Png2)[..16]}.png", files);
            Assert.Equal(Png, ReadAll(zip.GetEntry($"images/{Sha(Png)[..16]}.png")!));
        }
        var back = Assert.Single(QtiFormat.Parse("x.zip", new MemoryStream(export.Package)).Questions);
        Assert.Equal(QuestionJson.Serialize(Pictured), QuestionJson.Serialize(back.Question));
        Assert.Equal(Png2, back.Images[Sha(Png2)].Bytes);
    }

    private static byte[] ReadAll(ZipArchiveEntry e)
    {
        using var ms = new MemoryStream();
        using (var s = e.Open()) s.CopyTo(ms);
        return ms.ToArray();
    }

    [Fact]
    public void A_moodle_export_embeds_the_images_as_base64_files_and_reads_back_the_same_bytes()
    {
        var xml = MoodleXmlFormat.Write([Pictured], images: Images);
        Assert.Contains($"@@PLUGINFILE@@/{Sha(Png)[..16]}.png", xml);
        Assert.Contains($"encoding=\"base64\">{Convert.ToBase64String(Png)}</file>", xml);
        var back = Assert.Single(ParseMoodle(xml).Questions);
        Assert.Equal(QuestionJson.Serialize(Pictured), QuestionJson.Serialize(back.Question));
        Assert.Equal(Png, back.Images[Sha(Png)].Bytes);
    }

    [Theory]
    [InlineData(BankFormat.Gift)]
    [InlineData(BankFormat.Aiken)]
    [InlineData(BankFormat.Csv)]
    public void Formats_without_images_name_the_questions_whose_images_were_left_out(BankFormat format)
    {
        var pictured = Pictured with { Stem = "图中标出的设备是？" }; // one line: Aiken holds it
        var plain = pictured with { Id = "plain-q1", StemImage = null, Options = [new("OLT", true), new("ONU", false)] };
        var file = QuestionExport.Write([pictured, plain], format, DateTimeOffset.UnixEpoch, Images);
        var left = Assert.Single(file.ImagesLeftOut);
        Assert.Equal("pic-q1", left.QuestionId);
        Assert.Contains("不能携带图片", left.Reason.ToString());
        Assert.Empty(QuestionExport.Write([Pictured], BankFormat.MoodleXml, DateTimeOffset.UnixEpoch, Images).ImagesLeftOut);
    }
}
