using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Xml.Linq;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank;
using CertPlatform.Web.Features.QuestionBank.Formats;

namespace CertPlatform.UnitTests.Features.QuestionBank.Formats;

/// <summary>
/// <see cref="QtiSchemaValidator"/> and the <c>qti-validate</c> command against the reduced QTI-like schemas in
/// <c>Schemas/</c> (written for these tests; an item schema that includes a second file and a manifest schema that
/// imports a third, by relative schemaLocation). Each test works on its own copy of that folder.
/// </summary>
public sealed class QtiSchemaValidatorTests : IDisposable
{
    private const string Qti3 = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0";
    private static string Source => Path.Combine(RepoPaths.Root, "tests", "CertPlatform.UnitTests", "Features", "QuestionBank", "Formats", "Schemas");
    private readonly string root = Directory.CreateTempSubdirectory("qti-schemas-").FullName;
    private readonly string schemas;

    public QtiSchemaValidatorTests()
    {
        schemas = Directory.CreateDirectory(Path.Combine(root, "schemas")).FullName;
        foreach (var f in Directory.GetFiles(Source, "*.xsd")) File.Copy(f, Path.Combine(schemas, Path.GetFileName(f)));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private void Rewrite(string file, string from, string to)
    {
        var path = Path.Combine(schemas, file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    private static byte[] Zip(params (string Name, string Content)[] entries) => QtiPackages.Zip(entries);

    private static Question Choice(string id) => new()
    {
        Id = id, Type = QuestionType.Single, Stem = "哪一项正确？", LessonId = "p1-l01", Explanation = "因为 A。",
        Options = [new("A", true) { Feedback = "对" }, new("B", false)],
    };

    private static string Errors(QtiSchemaReport r) => string.Join("\n", r.Problems);

    [Fact]
    public void The_export_of_the_shipped_bank_is_valid_against_the_reduced_schemas_every_item_and_the_manifest()
    {
        var questions = new CertPlatform.Web.Content.ContentLoader().Load(RepoPaths.Content).Questions.Select(b => b.Question).ToList();
        var export = QtiFormat.WritePackage(questions);
        var report = QtiSchemaValidator.Validate("bank.zip", export.Package, schemas);
        Assert.True(report.Valid, Errors(report));
        Assert.Empty(report.Problems);
        Assert.Equal(2 * export.Written + 1, report.FilesChecked.Count); // the manifest, each item and its metadata file
        Assert.Equal("bank.zip/imsmanifest.xml", report.FilesChecked[0]);
        // Every type the export writes is in there (true/false, fill-in, matching, ordering, essay, choice).
        Assert.All(new[] { QuestionType.Single, QuestionType.Multiple, QuestionType.TrueFalse, QuestionType.Fill, QuestionType.Matching, QuestionType.Ordering, QuestionType.Essay },
            t => Assert.Contains(questions, q => q.Type == t));
    }

    [Fact]
    public void An_invalid_item_fails_naming_the_file_line_and_column_of_each_error()
    {
        var export = QtiFormat.WritePackage([Choice("q1")]);
        // Item 2: no title, and the response processing before the item body.
        var bad = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <qti-assessment-item xmlns="{Qti3}" identifier="bad" time-dependent="false">
              <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier"/>
              <qti-response-processing template="https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml"/>
              <qti-item-body><p>x</p></qti-item-body>
            </qti-assessment-item>
            """;
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(new MemoryStream(export.Package), ZipArchiveMode.Read))
        using (var copy = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var e in zip.Entries)
            {
                using var from = e.Open();
                using var to = copy.CreateEntry(e.FullName).Open();
                from.CopyTo(to);
            }
            using var w = new StreamWriter(copy.CreateEntry("items/bad.xml").Open(), new UTF8Encoding(false));
            w.Write(bad);
        }
        var report = QtiSchemaValidator.Validate("p.zip", ms.ToArray(), schemas);
        Assert.False(report.Valid);
        var errors = report.Problems.Where(p => !p.Warning).ToList();
        Assert.All(errors, e => Assert.Equal("p.zip/items/bad.xml", e.File));
        // The missing title is reported on the item's start tag (line 2, column 2), the misplaced element where it stands.
        Assert.Contains(errors, e => e.Line == 2 && e.Column == 2 && e.Text.ToString().Contains("title", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 4 && e.Column == 4 && e.Text.ToString().Contains("qti-response-processing", StringComparison.Ordinal));
        Assert.Contains("p.zip/items/bad.xml:2:2: 不符合架构：", string.Join("\n", errors));
        // The good item and the manifest were checked too, without errors.
        Assert.Contains("p.zip/items/item-0001.xml", report.FilesChecked);
    }

    [Fact]
    public void A_schema_location_on_the_network_is_refused_and_never_fetched()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var remote = $"http://127.0.0.1:{port}/xsd/remote-content.xsd";
        Rewrite("qti-item.xsd", "schemaLocation=\"qti-content.xsd\"", $"schemaLocation=\"{remote}\"");
        var report = QtiSchemaValidator.Validate("p.zip", QtiFormat.WritePackage([Choice("q1")]).Package, schemas);
        Assert.False(report.Valid);
        var refused = Assert.Single(report.Problems, p => p.Text.ToString().Contains(remote, StringComparison.Ordinal));
        Assert.Equal("qti-item.xsd", refused.File);
        Assert.Contains("remote-content.xsd", refused.Text.ToString());
        Assert.Empty(report.FilesChecked);
        Assert.False(listener.Pending(), "the validator connected to the schema location");
    }

    [Fact]
    public void A_network_location_whose_file_is_in_the_folder_is_read_from_the_folder_by_file_name()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Rewrite("qti-item.xsd", "schemaLocation=\"qti-content.xsd\"", $"schemaLocation=\"http://127.0.0.1:{port}/spec/qti-content.xsd\"");
        var report = QtiSchemaValidator.Validate("p.zip", QtiFormat.WritePackage([Choice("q1")]).Package, schemas);
        Assert.True(report.Valid, Errors(report));
        Assert.False(listener.Pending());
    }

    [Fact]
    public void A_schema_location_outside_the_folder_is_refused_even_when_the_file_exists_there()
    {
        // The outside file would make the items valid; it must not be read.
        var outside = Directory.CreateDirectory(Path.Combine(root, "outside")).FullName;
        File.Copy(Path.Combine(schemas, "qti-content.xsd"), Path.Combine(outside, "outside-content.xsd"));
        Rewrite("qti-item.xsd", "schemaLocation=\"qti-content.xsd\"", "schemaLocation=\"../outside/outside-content.xsd\"");
        var absolute = new Uri(Path.Combine(outside, "outside-content.xsd")).AbsoluteUri;
        var report = QtiSchemaValidator.Validate("p.zip", QtiFormat.WritePackage([Choice("q1")]).Package, schemas);
        Assert.False(report.Valid);
        Assert.Contains(report.Problems, p => p.File == "qti-item.xsd" && p.Text.ToString().Contains("../outside/outside-content.xsd", StringComparison.Ordinal));

        Rewrite("qti-item.xsd", "schemaLocation=\"../outside/outside-content.xsd\"", $"schemaLocation=\"{absolute}\"");
        report = QtiSchemaValidator.Validate("p.zip", QtiFormat.WritePackage([Choice("q1")]).Package, schemas);
        Assert.False(report.Valid);
        Assert.Contains(report.Problems, p => p.Text.ToString().Contains(absolute, StringComparison.Ordinal));
    }

    [Fact]
    public void The_layout_of_earlier_exports_fails_the_profile_because_the_resource_metadata_holds_our_element()
    {
        var export = QtiFormat.WritePackage([Choice("q1")]).Package;
        Assert.True(QtiSchemaValidator.Validate("new.zip", export, schemas).Valid);
        var report = QtiSchemaValidator.Validate("old.zip", QtiPackages.Legacy(export), schemas);
        Assert.False(report.Valid);
        var error = Assert.Single(report.Problems, p => !p.Warning);
        Assert.Equal("old.zip/imsmanifest.xml", error.File);
        Assert.Contains("certplatform", error.Text.ToString());
    }

    [Fact]
    public void Inline_feedback_fails_unless_its_outcome_is_declared_and_set_by_the_response_processing()
    {
        var export = QtiFormat.WritePackage([Choice("q1")]).Package;
        XNamespace ns = Qti3;
        byte[] Without(Func<XElement, bool> drop) => QtiPackages.Edit(export, (name, doc) =>
        {
            doc.Descendants().Where(drop).ToList().ForEach(e => e.Remove());
            return doc;
        });
        bool IsFeedback(XElement e, string name) => e.Name == ns + name && (string?)e.Attribute("identifier") == "FEEDBACK";

        var undeclared = QtiSchemaValidator.Validate("u.zip", Without(e => IsFeedback(e, "qti-outcome-declaration")), schemas);
        var error = Assert.Single(undeclared.Problems, p => !p.Warning);
        Assert.Equal("u.zip/items/item-0001.xml", error.File);
        Assert.Contains("FEEDBACK", error.Text.ToString());

        var unset = QtiSchemaValidator.Validate("s.zip", Without(e => IsFeedback(e, "qti-set-outcome-value")), schemas);
        error = Assert.Single(unset.Problems, p => !p.Warning);
        Assert.Equal("s.zip/items/item-0001.xml", error.File);
        Assert.Contains("FEEDBACK", error.Text.ToString());
    }

    [Fact]
    public void Without_a_schema_for_the_platform_metadata_the_package_is_valid_and_each_metadata_file_is_noted_as_unchecked()
    {
        // The official schemas describe the manifest and the items, not the platform's own metadata file.
        File.Delete(Path.Combine(schemas, "certplatform-meta.xsd"));
        var report = QtiSchemaValidator.Validate("p.zip", QtiFormat.WritePackage([Choice("q1"), Choice("q2")]).Package, schemas);
        Assert.True(report.Valid, Errors(report));
        Assert.Equal(["p.zip/imsmanifest.xml", "p.zip/items/item-0001.xml", "p.zip/items/item-0002.xml"], report.FilesChecked);
        Assert.Equal(["p.zip/meta/item-0001.xml", "p.zip/meta/item-0002.xml"], report.Problems.Where(p => p.Warning).Select(p => p.File));
        Assert.All(report.Problems, p => Assert.Contains(QtiFormat.ExtMetadataType, p.Text.ToString()));
    }

    [Fact]
    public void A_namespace_without_a_schema_in_the_folder_is_named()
    {
        var item = """
            <?xml version="1.0"?>
            <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p2" identifier="i" title="t" adaptive="false" timeDependent="false"/>
            """;
        var report = QtiSchemaValidator.Validate("item22.xml", Encoding.UTF8.GetBytes(item), schemas);
        Assert.False(report.Valid);
        var p = Assert.Single(report.Problems);
        Assert.Equal(("item22.xml", 2, 2), (p.File, p.Line, p.Column));
        Assert.Contains("http://www.imsglobal.org/xsd/imsqti_v2p2", p.Text.ToString());
        Assert.Contains("没有命名空间", p.Text.ToString());
    }

    [Fact]
    public void Dtds_in_a_package_or_a_schema_are_refused_and_nothing_is_resolved()
    {
        var secret = Path.Combine(root, "secret.txt");
        File.WriteAllText(secret, "TOP-SECRET");
        var item = $"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "{new Uri(secret).AbsoluteUri}">]><qti-assessment-item xmlns="{Qti3}" identifier="x" title="&e;" time-dependent="false"><qti-item-body/></qti-assessment-item>""";
        var report = QtiSchemaValidator.Validate("p.zip", Zip(("items/x.xml", item)), schemas);
        Assert.False(report.Valid);
        var p = Assert.Single(report.Problems);
        Assert.Equal("p.zip/items/x.xml", p.File);
        Assert.Contains("DTD", p.Text.ToString());
        Assert.DoesNotContain("TOP-SECRET", string.Join("\n", report.Problems));

        Rewrite("certplatform-meta.xsd", "<xs:schema", "<!DOCTYPE xs:schema SYSTEM \"XMLSchema.dtd\">\n<xs:schema");
        report = QtiSchemaValidator.Validate("p.zip", QtiFormat.WritePackage([Choice("q1")]).Package, schemas);
        Assert.False(report.Valid);
        Assert.Contains(report.Problems, x => x.File == "certplatform-meta.xsd" && x.Text.ToString().Contains("DTD", StringComparison.Ordinal));
    }

    [Fact]
    public void Unsafe_zip_entries_and_a_missing_folder_are_errors_not_exceptions()
    {
        var report = QtiSchemaValidator.Validate("p.zip", Zip(("../evil.xml", "<x/>")), schemas);
        Assert.Contains("路径不安全", Assert.Single(report.Problems).Text.ToString());
        report = QtiSchemaValidator.Validate("p.zip", Zip(("a.xml", "<x/>"), ("a.xml", "<y/>")), schemas);
        Assert.Contains("不止一次", Assert.Single(report.Problems).Text.ToString());
        report = QtiSchemaValidator.Validate("p.zip", Zip(("a.xml", "<x/>")), Path.Combine(root, "nowhere"));
        Assert.Contains("架构文件夹不存在", Assert.Single(report.Problems).Text.ToString());
        Assert.False(report.Valid);
    }

    [Fact]
    public void The_command_prints_file_line_column_and_exits_non_zero_on_errors()
    {
        var good = Path.Combine(root, "good.zip");
        File.WriteAllBytes(good, QtiFormat.WritePackage([Choice("q1"), Choice("q2")]).Package);
        var (code, stdout, stderr) = Run("qti-validate", good, "--schemas", schemas);
        Assert.True(code == 0, stderr);
        Assert.Contains("XML 文件全部符合", stdout);
        Assert.Contains("（共 5 个）", stdout); // the manifest, two items, two metadata files
        Assert.Equal("", stderr);

        var bad = Path.Combine(root, "bad.xml");
        File.WriteAllText(bad, $"<qti-assessment-item xmlns=\"{Qti3}\" identifier=\"1bad\" title=\"t\" time-dependent=\"false\"><qti-item-body/></qti-assessment-item>");
        (code, stdout, stderr) = Run("qti-validate", bad, "--schemas", schemas, "--lang", "en");
        Assert.Equal(1, code);
        Assert.StartsWith("bad.xml:1:", stderr);
        Assert.Contains("Not valid against the schema", stderr);
        Assert.Contains("Schema check failed — errors: 1;", stdout);

        Assert.Equal(2, Run("qti-validate", good).Code);
        Assert.Equal(2, Run("qti-validate", Path.Combine(root, "missing.zip"), "--schemas", schemas).Code);
        Assert.Null(QtiValidateCommand.TryRun(["import", good], TextWriter.Null, TextWriter.Null));
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = QtiValidateCommand.TryRun(args, o, e) ?? -1;
        return (code, o.ToString(), e.ToString());
    }
}
