using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using CertPlatform.Web.Content;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank.Formats;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CertPlatform.UnitTests.Features.QuestionBank.Formats;

public sealed class QtiFormatTests
{
    private const string Qti3 = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0";
    private const string Qti22 = "http://www.imsglobal.org/xsd/imsqti_v2p2";

    private static ImportResult ParseXml(string xml, string file = "item.xml") => QtiFormat.Parse(file, new MemoryStream(Encoding.UTF8.GetBytes(xml)));

    private static byte[] Zip(params (string Name, string Content)[] entries) => QtiPackages.Zip(entries);

    private static Question Single(ImportResult r)
    {
        Assert.True(r.Ok, string.Join("\n", r.Issues));
        return Assert.Single(r.Questions).Question;
    }

    [Fact]
    public void Qti_2_2_choice_with_map_response_keeps_the_weights_and_per_choice_feedback()
    {
        var q = Single(ParseXml($"""
            <assessmentItem xmlns="{Qti22}" identifier="mc-weighted" title="外部因素（多选）" adaptive="false" timeDependent="false">
              <responseDeclaration identifier="RESPONSE" cardinality="multiple" baseType="identifier">
                <correctResponse><value>A</value><value>B</value></correctResponse>
                <mapping lowerBound="0" upperBound="2" defaultValue="0">
                  <mapEntry mapKey="A" mappedValue="1"/><mapEntry mapKey="B" mappedValue="1"/><mapEntry mapKey="C" mappedValue="-2"/>
                </mapping>
              </responseDeclaration>
              <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
              <itemBody>
                <p>下列属于<b>外部</b>因素的是：</p>
                <choiceInteraction responseIdentifier="RESPONSE" maxChoices="0">
                  <prompt>选出全部正确答案</prompt>
                  <simpleChoice identifier="A">机会<feedbackInline outcomeIdentifier="FEEDBACK" identifier="A" showHide="show">对</feedbackInline></simpleChoice>
                  <simpleChoice identifier="B">威胁</simpleChoice>
                  <simpleChoice identifier="C">优势</simpleChoice>
                </choiceInteraction>
              </itemBody>
              <responseProcessing template="http://www.imsglobal.org/question/qti_v2p2/rptemplates/map_response"/>
            </assessmentItem>
            """));
        Assert.Equal(("mc-weighted", QuestionType.Multiple, "外部因素（多选）"), (q.Id, q.Type, q.Title));
        Assert.Equal("下列属于外部因素的是：\n选出全部正确答案", q.Stem);
        Assert.Equal(["机会", "威胁", "优势"], q.Options.Select(o => o.Text));
        Assert.Equal([50m, 50m, -100m], q.Options.Select(o => o.Weight ?? 0));
        Assert.Equal("对", q.Options[0].Feedback);
        Assert.Equal(0m, Grader.Grade(q, new Response { Selected = [0, 2] }).Score);
    }

    [Fact]
    public void Every_supported_interaction_of_qti_3_reads_into_a_question()
    {
        string Item(string id, string decl, string body) => $"""
            <qti-assessment-item xmlns="{Qti3}" identifier="{id}" title="{id}">
              {decl}
              <qti-item-body>{body}</qti-item-body>
              <qti-response-processing template="https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml"/>
            </qti-assessment-item>
            """;
        var package = Zip(
            ("imsmanifest.xml", $"""
                <manifest xmlns="http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1" identifier="m"><resources>
                  {string.Concat(new[] { "te", "et", "ma", "or", "gm", "ic" }.Select(n => $"<resource identifier=\"r{n}\" type=\"imsqti_item_xmlv3p0\" href=\"{n}.xml\"/>"))}
                  <resource identifier="t" type="imsqti_test_xmlv3p0" href="test.xml"/>
                </resources></manifest>
                """),
            ("te.xml", Item("te", """
                <qti-response-declaration identifier="R1" cardinality="single" base-type="string"><qti-correct-response><qti-value>CLV</qti-value></qti-correct-response>
                  <qti-mapping default-value="0"><qti-map-entry map-key="CLV" mapped-value="1"/><qti-map-entry map-key="CLTV" mapped-value="1"/><qti-map-entry map-key="LTV" mapped-value="0.5"/></qti-mapping></qti-response-declaration>
                """, "<p>客户终身价值的缩写是 <qti-text-entry-interaction response-identifier=\"R1\"/> 。</p>")),
            ("et.xml", Item("et", """<qti-response-declaration identifier="R" cardinality="single" base-type="string"/>""",
                "<p>论述客户满意度。</p><qti-extended-text-interaction response-identifier=\"R\"/>")),
            ("ma.xml", Item("ma", """
                <qti-response-declaration identifier="R" cardinality="multiple" base-type="directedPair"><qti-correct-response><qti-value>S X</qti-value><qti-value>O Y</qti-value></qti-correct-response></qti-response-declaration>
                """, """
                <qti-match-interaction response-identifier="R" max-associations="2"><qti-prompt>配对</qti-prompt>
                  <qti-simple-match-set><qti-simple-associable-choice identifier="S" match-max="1">S</qti-simple-associable-choice><qti-simple-associable-choice identifier="O" match-max="1">O</qti-simple-associable-choice></qti-simple-match-set>
                  <qti-simple-match-set><qti-simple-associable-choice identifier="X" match-max="1">优势</qti-simple-associable-choice><qti-simple-associable-choice identifier="Y" match-max="1">机会</qti-simple-associable-choice><qti-simple-associable-choice identifier="Z" match-max="1">干扰</qti-simple-associable-choice></qti-simple-match-set>
                </qti-match-interaction>
                """)),
            ("or.xml", Item("or", """
                <qti-response-declaration identifier="R" cardinality="ordered" base-type="identifier"><qti-correct-response><qti-value>B</qti-value><qti-value>A</qti-value><qti-value>C</qti-value></qti-correct-response></qti-response-declaration>
                """, """<qti-order-interaction response-identifier="R"><qti-prompt>排序</qti-prompt><qti-simple-choice identifier="A">识别</qti-simple-choice><qti-simple-choice identifier="B">接触</qti-simple-choice><qti-simple-choice identifier="C">维系</qti-simple-choice></qti-order-interaction>""")),
            ("gm.xml", Item("gm", """
                <qti-response-declaration identifier="R" cardinality="multiple" base-type="directedPair"><qti-correct-response><qti-value>W1 G1</qti-value><qti-value>W2 G2</qti-value></qti-correct-response></qti-response-declaration>
                """, """<qti-gap-match-interaction response-identifier="R"><qti-gap-text identifier="W1" match-max="1">机会</qti-gap-text><qti-gap-text identifier="W2" match-max="1">威胁</qti-gap-text><qti-gap-text identifier="W3" match-max="1">优势</qti-gap-text><p>外部因素是<qti-gap identifier="G1"/>和<qti-gap identifier="G2"/>。</p></qti-gap-match-interaction>""")),
            ("ic.xml", Item("ic", """
                <qti-response-declaration identifier="R" cardinality="single" base-type="identifier"><qti-correct-response><qti-value>b</qti-value></qti-correct-response></qti-response-declaration>
                """, """<p>O 指的是<qti-inline-choice-interaction response-identifier="R"><qti-inline-choice identifier="a">优势</qti-inline-choice><qti-inline-choice identifier="b">机会</qti-inline-choice></qti-inline-choice-interaction>。</p>""")));
        var r = QtiFormat.Parse("pkg.zip", new MemoryStream(package));
        Assert.True(r.Ok, string.Join("\n", r.Issues));
        var q = r.Questions.ToDictionary(x => x.Question.Id);
        Assert.Equal(("客户终身价值的缩写是 {{1}} 。", QuestionType.Fill), (q["te"].Question.Stem, q["te"].Question.Type));
        Assert.Equal(["CLV", "CLTV"], q["te"].Question.Blanks[0]);
        Assert.Contains(q["te"].Notes, n => n.Message.Contains("LTV"));
        Assert.Equal((QuestionType.Essay, QuestionStatus.Draft), (q["et"].Question.Type, q["et"].Question.Status));
        Assert.Equal([new MatchPair("S", "优势"), new MatchPair("O", "机会")], q["ma"].Question.Pairs);
        Assert.Contains(q["ma"].Notes, n => n.Message.Contains("干扰"));
        Assert.Equal(["接触", "识别", "维系"], q["or"].Question.Items);
        Assert.Equal(("外部因素是{{1}}和{{2}}。", 2), (q["gm"].Question.Stem, q["gm"].Question.Blanks.Count));
        Assert.Equal(["机会"], q["gm"].Question.Blanks[0]);
        Assert.Equal(("O 指的是_____。", QuestionType.Single), (q["ic"].Question.Stem, q["ic"].Question.Type));
        Assert.True(q["ic"].Question.Options[1].Correct);
        Assert.Contains(r.Issues, i => i.Skipped && i.Message.Contains("test.xml")); // a test's structure is reported, not silently dropped
    }

    [Fact]
    public void Unsupported_interactions_are_listed_by_item_id_and_the_rest_still_imports()
    {
        var hotspot = $"""
            <qti-assessment-item xmlns="{Qti3}" identifier="hs-1" title="点选">
              <qti-item-body><qti-hotspot-interaction response-identifier="R" max-choices="1"><img src="a.png" alt=""/></qti-hotspot-interaction></qti-item-body>
            </qti-assessment-item>
            """;
        var hottext = $"""
            <qti-assessment-item xmlns="{Qti3}" identifier="ht-1" title="选词">
              <qti-item-body><qti-hottext-interaction response-identifier="R"><p>甲<qti-hottext identifier="h">乙</qti-hottext></p></qti-hottext-interaction></qti-item-body>
            </qti-assessment-item>
            """;
        var ok = $"""
            <qti-assessment-item xmlns="{Qti3}" identifier="ok-1" title="判断">
              <qti-response-declaration identifier="R" cardinality="single" base-type="identifier"><qti-correct-response><qti-value>t</qti-value></qti-correct-response></qti-response-declaration>
              <qti-item-body><p>地球是圆的。</p><qti-choice-interaction response-identifier="R" max-choices="1"><qti-simple-choice identifier="t">对</qti-simple-choice><qti-simple-choice identifier="f">错</qti-simple-choice></qti-choice-interaction></qti-item-body>
            </qti-assessment-item>
            """;
        var r = QtiFormat.Parse("p.zip", new MemoryStream(Zip(("a/hotspot.xml", hotspot), ("a/hottext.xml", hottext), ("a/ok.xml", ok))));
        Assert.True(r.Ok, string.Join("\n", r.Issues));
        Assert.Equal("ok-1", Assert.Single(r.Questions).Question.Id);
        Assert.Contains(r.Issues, i => i.Skipped && i.Message.Contains("hs-1") && i.Message.Contains("qti-hotspot-interaction") && i.File == "p.zip/a/hotspot.xml");
        Assert.Contains(r.Issues, i => i.Skipped && i.Message.Contains("ht-1") && i.Message.Contains("qti-hottext-interaction"));
    }

    [Theory]
    [InlineData("../evil.xml")]
    [InlineData("/etc/passwd")]
    [InlineData("a/../../evil.xml")]
    [InlineData("C:/evil.xml")]
    public void Zip_entries_with_dot_dot_or_absolute_paths_refuse_the_package(string name)
    {
        var r = QtiFormat.Parse("p.zip", new MemoryStream(Zip((name, "<x/>"))));
        Assert.False(r.Ok);
        Assert.Contains("路径不安全", Assert.Single(r.Issues).Message);
    }

    [Fact]
    public void A_qti_2_2_package_imports_the_items_its_manifest_lists_and_reports_the_test_structure()
    {
        var manifest = """
            <manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="pkg">
              <metadata><schema>QTIv2.2 Package</schema><schemaversion>1.0.0</schemaversion></metadata>
              <organizations/>
              <resources>
                <resource identifier="t" type="imsqti_test_xmlv2p2" href="test.xml"><file href="test.xml"/></resource>
                <resource identifier="r1" type="imsqti_item_xmlv2p2" href="items/tf-1.xml"><file href="items/tf-1.xml"/></resource>
              </resources>
            </manifest>
            """;
        var item = $"""
            <assessmentItem xmlns="{Qti22}" identifier="choice-22" title="渠道" adaptive="false" timeDependent="false">
              <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"><correctResponse><value>B</value></correctResponse></responseDeclaration>
              <itemBody><choiceInteraction responseIdentifier="RESPONSE" maxChoices="1"><prompt>哪一个是渠道？</prompt>
                <simpleChoice identifier="A">品牌</simpleChoice><simpleChoice identifier="B">营业厅</simpleChoice></choiceInteraction></itemBody>
              <responseProcessing template="http://www.imsglobal.org/question/qti_v2p2/rptemplates/match_correct"/>
            </assessmentItem>
            """;
        // Not listed in the manifest: not imported.
        var stray = $"""<assessmentItem xmlns="{Qti22}" identifier="stray" title="x"><itemBody/></assessmentItem>""";
        var r = QtiFormat.Parse("p22.zip", new MemoryStream(Zip(("imsmanifest.xml", manifest), ("test.xml", "<assessmentTest/>"), ("items/tf-1.xml", item), ("items/stray.xml", stray))));
        Assert.True(r.Ok, string.Join("\n", r.Issues));
        var q = Assert.Single(r.Questions).Question;
        Assert.Equal(("choice-22", QuestionType.Single, "渠道"), (q.Id, q.Type, q.Title));
        Assert.Equal(["品牌", "营业厅"], q.Options.Select(o => o.Text));
        Assert.True(q.Options[1].Correct);
        var skipped = Assert.Single(r.Issues);
        Assert.True(skipped.Skipped);
        Assert.Equal("p22.zip/imsmanifest.xml", skipped.File);
        Assert.Contains("assessmentTest", skipped.Message);
    }

    [Fact]
    public void Schema_locations_templates_and_remote_images_in_a_package_are_never_fetched()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var at = $"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}";
        var item = $"""
            <qti-assessment-item xmlns="{Qti3}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xsi:schemaLocation="{Qti3} {at}/imsqti_asiv3p0_v1p0.xsd" identifier="far" title="远程" adaptive="false" time-dependent="false">
              <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier"><qti-correct-response><qti-value>A</qti-value></qti-correct-response></qti-response-declaration>
              <qti-item-body><p>看图<img src="{at}/picture.png" alt=""/></p>
                <qti-choice-interaction response-identifier="RESPONSE" max-choices="1"><qti-simple-choice identifier="A">甲</qti-simple-choice><qti-simple-choice identifier="B">乙</qti-simple-choice></qti-choice-interaction></qti-item-body>
              <qti-response-processing template="{at}/rptemplates/match_correct.xml"/>
            </qti-assessment-item>
            """;
        var r = QtiFormat.Parse("far.zip", new MemoryStream(Zip(("items/far.xml", item))));
        Assert.True(r.Ok, string.Join("\n", r.Issues));
        Assert.Equal("far", Assert.Single(r.Questions).Question.Id);
        Assert.False(listener.Pending(), "the importer connected to an address named in the item");
    }

    [Fact]
    public void A_zip_entry_named_twice_refuses_the_package_instead_of_throwing()
    {
        var item = $"<qti-assessment-item xmlns=\"{Qti3}\" identifier=\"x\" title=\"x\"/>";
        var r = QtiFormat.Parse("twice.zip", new MemoryStream(Zip(("items/a.xml", item), ("items/a.xml", item))));
        Assert.False(r.Ok);
        var issue = Assert.Single(r.Issues);
        Assert.Equal("twice.zip", issue.File);
        Assert.Contains("“items/a.xml”出现了不止一次", issue.Message);
    }

    [Fact]
    public void Dtds_and_external_entities_are_refused_without_being_resolved()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "TOP-SECRET");
        var r = ParseXml($"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file://{secret}">]><qti-assessment-item xmlns="{Qti3}" identifier="x"><qti-item-body><p>&e;</p></qti-item-body></qti-assessment-item>""");
        Assert.False(r.Ok);
        var issue = Assert.Single(r.Issues);
        Assert.Contains("DTD", issue.Message);
        Assert.DoesNotContain("TOP-SECRET", issue.Message);
    }

    [Fact]
    public void A_zip_bomb_and_too_many_entries_are_refused()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var s = zip.CreateEntry("big.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 70; i++) s.Write(zeros);
        }
        var r = QtiFormat.Parse("bomb.zip", new MemoryStream(ms.ToArray()));
        Assert.Contains("压缩炸弹", Assert.Single(r.Issues).Message);

        var many = Enumerable.Range(0, QtiFormat.MaxEntries + 1).Select(i => ($"f{i}.txt", "")).ToArray();
        Assert.Contains("上限", Assert.Single(QtiFormat.Parse("many.zip", new MemoryStream(Zip(many))).Issues).Message);
    }

    // ------------------------------------------------------------ export

    private static IReadOnlyList<Question> Shipped() =>
        new ContentLoader().Load(RepoPaths.Content).Questions.Select(b => b.Question).ToList();

    [Fact]
    public void The_shipped_bank_exported_as_qti_3_reads_back_exactly_and_the_package_is_well_formed()
    {
        var questions = Shipped();
        var export = QtiFormat.WritePackage(questions);
        Assert.Equal(questions.Count(q => q.Type == QuestionType.Case), export.Skipped.Count);
        CheckStructure(export.Package);
        var r = QtiFormat.Parse("bank.zip", new MemoryStream(export.Package));
        Assert.True(r.Ok, string.Join("\n", r.Issues.Take(10)));
        // Lint silences are this bank's own authoring notes, not part of any interchange format; the pool
        // (practice/secure) travels in the manifest's metadata, so secure questions read back secure.
        var expected = questions.Where(q => q.Type != QuestionType.Case).Select(q => q with { LintIgnore = null }).ToList();
        QuestionAssert.Same(expected, r.Questions.Select(x => x.Question));
    }

    /// <summary>
    /// What the published QTI 3.0 schemas require of the parts we write, checked without them: manifest resources point
    /// at entries that exist; an item resource's metadata holds nothing (the content-package profile allows only
    /// qtiMetadata, curriculumStandardsMetadataSet and lom there) and its one dependency names the
    /// <c>resourceextmetadata/xml</c> resource of its metadata file; every item is a qti-assessment-item in the QTI 3.0
    /// namespace with identifier and title, each interaction's response identifier is declared, declarations come before
    /// the item body and response processing after it; inline feedback's outcome is declared with the response's
    /// cardinality and set to the response at the top of the response processing.
    /// </summary>
    internal static void CheckStructure(byte[] package)
    {
        var entries = QtiPackages.Entries(package);
        var manifest = XDocument.Parse(entries["imsmanifest.xml"]);
        XNamespace cp = QtiPackages.Cp, ns = QtiPackages.Qti;
        Assert.Equal(cp + "manifest", manifest.Root!.Name);
        var resources = manifest.Root.Element(cp + "resources")!.Elements(cp + "resource").ToList();
        var byId = resources.ToDictionary(r => (string)r.Attribute("identifier")!);
        Assert.All(resources.SelectMany(r => r.Elements(cp + "file")), f => Assert.Contains((string)f.Attribute("href")!, entries.Keys));
        var items = resources.Where(r => (string?)r.Attribute("type") == "imsqti_item_xmlv3p0").ToList();
        Assert.Equal(resources.Count, 2 * items.Count);
        foreach (var res in items)
        {
            Assert.Null(res.Element(cp + "metadata"));
            var meta = byId[(string)Assert.Single(res.Elements(cp + "dependency")).Attribute("identifierref")!];
            Assert.Equal(QtiFormat.ExtMetadataType, (string?)meta.Attribute("type"));
            Assert.Equal(QtiPackages.Meta + "certplatform", XDocument.Parse(entries[(string)meta.Attribute("href")!]).Root!.Name);
            var href = (string)res.Attribute("href")!;
            Assert.Equal(href, (string?)res.Element(cp + "file")?.Attribute("href"));
            var item = XDocument.Parse(entries[href]).Root!;
            Assert.Equal(ns + "qti-assessment-item", item.Name);
            Assert.False(string.IsNullOrEmpty((string?)item.Attribute("identifier")));
            Assert.NotNull(item.Attribute("title"));
            var order = item.Elements().Select(e => e.Name.LocalName).ToList();
            var body = order.IndexOf("qti-item-body");
            Assert.True(body > 0);
            Assert.All(order.Take(body), n => Assert.Contains(n, new[] { "qti-response-declaration", "qti-outcome-declaration" }));
            Assert.All(order.Skip(body + 1), n => Assert.Contains(n, new[] { "qti-response-processing", "qti-modal-feedback" }));
            var declared = item.Elements(ns + "qti-response-declaration").ToDictionary(d => (string)d.Attribute("identifier")!, d => (string)d.Attribute("cardinality")!);
            foreach (var interaction in item.Descendants().Where(e => e.Name.LocalName.EndsWith("-interaction", StringComparison.Ordinal)))
                Assert.Contains((string)interaction.Attribute("response-identifier")!, declared.Keys);
            var outcomes = item.Elements(ns + "qti-outcome-declaration").ToDictionary(d => (string)d.Attribute("identifier")!, d => (string)d.Attribute("cardinality")!);
            foreach (var outcome in item.Descendants(ns + "qti-feedback-inline").Select(f => (string)f.Attribute("outcome-identifier")!).Distinct())
            {
                Assert.Equal(declared["RESPONSE"], outcomes[outcome]);
                var set = Assert.Single(item.Element(ns + "qti-response-processing")!.Elements(ns + "qti-set-outcome-value"), e => (string?)e.Attribute("identifier") == outcome);
                Assert.Equal("RESPONSE", (string?)Assert.Single(set.Elements(ns + "qti-variable")).Attribute("identifier"));
            }
        }
    }

    /// <summary>Questions whose metadata the QTI markup cannot carry: tags, title, lesson, difficulty, pool, a true/false, an essay draft.</summary>
    private static List<Question> WithMetadata() =>
    [
        new()
        {
            Id = "qm-choice", Type = QuestionType.Single, Title = "渠道（单选）", Stem = "哪一个是渠道？", LessonId = "p1-l01", Anchor = "s2", Difficulty = 4,
            Tags = ["渠道", "certplatform:odd"], Explanation = "营业厅是渠道。", Points = 2, Pool = QuestionPool.Secure,
            Options = [new("品牌", false) { Feedback = "品牌不是渠道" }, new("营业厅", true) { Feedback = "对" }],
        },
        new() { Id = "qm-tf", Type = QuestionType.TrueFalse, Stem = "VIP 客户需要维系。", TrueFalseAnswer = true, LessonId = "p2-l03", Tags = ["维系"] },
        new() { Id = "qm-essay", Type = QuestionType.Essay, Stem = "论述客户满意度。", Rubric = "", Status = QuestionStatus.Draft, Tags = ["论述", "满意度"] },
    ];

    [Fact]
    public void The_platform_metadata_travels_in_a_resourceextmetadata_file_the_item_resource_depends_on()
    {
        var questions = WithMetadata();
        var export = QtiFormat.WritePackage(questions);
        CheckStructure(export.Package);
        var manifest = QtiPackages.Xml(export.Package, "imsmanifest.xml");
        // Nothing of ours is left in the manifest: no element or namespace declaration of the platform's namespace.
        Assert.DoesNotContain(manifest.Descendants(), e => e.Name.Namespace == QtiPackages.Meta);
        Assert.DoesNotContain(QtiFormat.MetaNamespace, QtiPackages.Entries(export.Package)["imsmanifest.xml"]);
        var item = manifest.Descendants(QtiPackages.Cp + "resource").First();
        Assert.Equal(("res-item-0001", "meta-item-0001"), ((string?)item.Attribute("identifier"), (string?)item.Element(QtiPackages.Cp + "dependency")?.Attribute("identifierref")));
        var bag = QtiPackages.Xml(export.Package, "meta/item-0001.xml").Root!;
        Assert.Equal(("1", true), ((string?)bag.Attribute("version"), FormatMetadata.TryParse(bag.Value, out var meta, out _)));
        Assert.Equal(("qm-choice", "p1-l01", QuestionPool.Secure), (meta!.Id, meta.LessonId, meta.Pool));
        Assert.Equal(["渠道", "certplatform:odd"], meta.Tags);

        var r = QtiFormat.Parse("meta.zip", new MemoryStream(export.Package));
        Assert.True(r.Ok, string.Join("\n", r.Issues));
        QuestionAssert.Same(questions, r.Questions.Select(x => x.Question));
    }

    [Fact]
    public void A_package_of_an_earlier_version_with_the_metadata_inside_the_resource_still_imports_the_same_questions()
    {
        var questions = WithMetadata();
        var legacy = QtiPackages.Legacy(QtiFormat.WritePackage(questions).Package);
        Assert.Single(QtiPackages.Xml(legacy, "imsmanifest.xml").Descendants(QtiPackages.Meta + "certplatform"), e => e.Value.Contains("qm-choice", StringComparison.Ordinal));
        Assert.DoesNotContain(QtiPackages.Entries(legacy).Keys, k => k.StartsWith("meta/", StringComparison.Ordinal));
        var r = QtiFormat.Parse("old.zip", new MemoryStream(legacy));
        Assert.True(r.Ok, string.Join("\n", r.Issues));
        // Same ids (so a re-import updates the same questions), same tags, title, lesson, pool and type.
        QuestionAssert.Same(questions, r.Questions.Select(x => x.Question));
    }

    [Fact]
    public void A_broken_or_missing_metadata_file_is_an_error_naming_its_file_and_line()
    {
        var package = QtiFormat.WritePackage(WithMetadata().Take(1)).Package;
        var broken = QtiPackages.Edit(package, (name, doc) =>
        {
            if (name == "meta/item-0001.xml") doc.Root!.Value = "{\"difficulty\": \"hard\"}";
            return doc;
        });
        var r = QtiFormat.Parse("b.zip", new MemoryStream(broken));
        var error = Assert.Single(r.Issues, i => !i.Skipped);
        Assert.Equal(("b.zip/meta/item-0001.xml", 1), (error.File, error.Line));
        Assert.Contains("平台元数据无效", error.Message);

        var missing = QtiPackages.Edit(package, (name, doc) => name == "meta/item-0001.xml" ? null : doc);
        r = QtiFormat.Parse("m.zip", new MemoryStream(missing));
        error = Assert.Single(r.Issues, i => !i.Skipped);
        Assert.Equal("m.zip/imsmanifest.xml", error.File);
        Assert.Contains("meta/item-0001.xml", error.Message);
    }

    [Fact]
    public void Option_feedback_declares_the_FEEDBACK_outcome_and_the_response_processing_copies_the_response_into_it()
    {
        var single = WithMetadata()[0];
        var multiple = single with
        {
            Id = "qm-multi", Type = QuestionType.Multiple,
            Options = [new("甲", true) { Feedback = "甲对", Weight = 50 }, new("乙", true) { Weight = 50 }, new("丙", false) { Feedback = "丙错", Weight = -100 }],
        };
        var plain = single with { Id = "qm-plain", Options = [new("品牌", false), new("营业厅", true)] };
        var export = QtiFormat.WritePackage([single, multiple, plain]);
        CheckStructure(export.Package);
        XNamespace ns = QtiPackages.Qti;
        XElement Item(int n) => QtiPackages.Xml(export.Package, $"items/item-000{n}.xml").Root!;
        string? Feedback(XElement item) => item.Elements(ns + "qti-outcome-declaration").SingleOrDefault(o => (string?)o.Attribute("identifier") == "FEEDBACK")?.Attribute("cardinality")?.Value;
        Assert.Equal(("single", "multiple", null), (Feedback(Item(1)), Feedback(Item(2)), Feedback(Item(3))));
        // The scoring the templates would do is written out: match_correct for the single choice, map_response for the weighted one.
        var rp1 = Item(1).Element(ns + "qti-response-processing")!;
        Assert.Null(rp1.Attribute("template"));
        Assert.NotNull(rp1.Descendants(ns + "qti-match").SingleOrDefault());
        Assert.NotNull(Item(2).Element(ns + "qti-response-processing")!.Descendants(ns + "qti-map-response").SingleOrDefault());
        Assert.EndsWith("match_correct.xml", (string?)Item(3).Element(ns + "qti-response-processing")!.Attribute("template"));
        // A conforming player shows the feedback whose identifier FEEDBACK holds: the chosen choice's own.
        Assert.All(Item(1).Descendants(ns + "qti-feedback-inline"), f => Assert.Equal((string?)f.Parent!.Attribute("identifier"), (string?)f.Attribute("identifier")));

        var r = QtiFormat.Parse("fb.zip", new MemoryStream(export.Package));
        Assert.True(r.Ok, string.Join("\n", r.Issues));
        Assert.All(r.Questions, q => Assert.Empty(q.Notes)); // the written-out processing is understood, not reported
        QuestionAssert.Same([single, multiple, plain], r.Questions.Select(x => x.Question));
    }

    [Fact]
    public void Qti_2_2_inline_feedback_with_a_declared_and_set_FEEDBACK_outcome_imports_without_a_note()
    {
        var r = ParseXml($"""
            <assessmentItem xmlns="{Qti22}" identifier="fb-22" title="反馈" adaptive="false" timeDependent="false">
              <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"><correctResponse><value>B</value></correctResponse></responseDeclaration>
              <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
              <outcomeDeclaration identifier="FEEDBACK" cardinality="single" baseType="identifier"/>
              <itemBody><choiceInteraction responseIdentifier="RESPONSE" maxChoices="1"><prompt>哪一个是渠道？</prompt>
                <simpleChoice identifier="A">品牌<feedbackInline outcomeIdentifier="FEEDBACK" identifier="A" showHide="show">品牌不是渠道</feedbackInline></simpleChoice>
                <simpleChoice identifier="B">营业厅<feedbackInline outcomeIdentifier="FEEDBACK" identifier="B" showHide="show">对</feedbackInline></simpleChoice></choiceInteraction></itemBody>
              <responseProcessing>
                <responseCondition><responseIf><match><variable identifier="RESPONSE"/><correct identifier="RESPONSE"/></match>
                  <setOutcomeValue identifier="SCORE"><baseValue baseType="float">1</baseValue></setOutcomeValue></responseIf>
                  <responseElse><setOutcomeValue identifier="SCORE"><baseValue baseType="float">0</baseValue></setOutcomeValue></responseElse></responseCondition>
                <setOutcomeValue identifier="FEEDBACK"><variable identifier="RESPONSE"/></setOutcomeValue>
              </responseProcessing>
            </assessmentItem>
            """);
        var imported = Assert.Single(r.Questions);
        Assert.Empty(imported.Notes);
        Assert.Equal(["品牌不是渠道", "对"], imported.Question.Options.Select(o => o.Feedback));
        Assert.True(imported.Question.Options[1].Correct);
    }

    /// <summary>Generated questions of every type but case, some with per-option feedback and weights.</summary>
    private static Gen<List<Question>> Banks() =>
        from bank in QuestionGen.Banks()
        from feedback in Gen.Elements("", "做得好", "注意 ~ # { }", "a\nb")
        select bank.Where(q => q.Type != QuestionType.Case).Select(q => q.Type is QuestionType.Single or QuestionType.Multiple && feedback.Length > 0
            ? q with
            {
                Options = q.Options.Select((o, i) => o with
                {
                    Feedback = i == 0 ? feedback : null,
                    Weight = q.Type == QuestionType.Multiple ? (o.Correct ? 100m / q.Options.Count(x => x.Correct) : -25m) : null,
                }).ToList(),
            }
            : q).ToList();

    [Property(MaxTest = 150)]
    public Property Write_then_parse_is_exact_for_generated_questions() =>
        Prop.ForAll(Banks().Where(b => b.Count > 0).ToArbitrary(), (List<Question> questions) =>
        {
            var export = QtiFormat.WritePackage(questions);
            Assert.Empty(export.Skipped);
            var r = QtiFormat.Parse("prop.zip", new MemoryStream(export.Package));
            Assert.True(r.Ok, string.Join("\n", r.Issues));
            QuestionAssert.Same(questions, r.Questions.Select(x => x.Question));
        });
}
