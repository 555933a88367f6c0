using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using CertPlatform.Web.Features.QuestionBank.Formats;

namespace CertPlatform.UnitTests.Features.QuestionBank.Formats;

/// <summary>Builds and edits QTI packages (zips) for the Formats tests.</summary>
internal static class QtiPackages
{
    public static readonly XNamespace Cp = QtiFormat.Cp3Namespace;
    public static readonly XNamespace Qti = QtiFormat.Qti3Namespace;
    public static readonly XNamespace Meta = QtiFormat.MetaNamespace;

    /// <summary>A zip of the given entries (UTF-8 text, in order; a name may repeat).</summary>
    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                w.Write(content);
            }
        return ms.ToArray();
    }

    /// <summary>Every entry of <paramref name="package"/> as text, by name.</summary>
    public static Dictionary<string, string> Entries(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var r = new StreamReader(e.Open(), Encoding.UTF8);
            return r.ReadToEnd();
        });
    }

    /// <summary>The XML entry <paramref name="name"/> of <paramref name="package"/>, parsed.</summary>
    public static XDocument Xml(byte[] package, string name) => XDocument.Parse(Entries(package)[name]);

    /// <summary><paramref name="package"/> with its XML entries passed through <paramref name="edit"/> (return null to drop an entry).</summary>
    public static byte[] Edit(byte[] package, Func<string, XDocument, XDocument?> edit) =>
        Zip([.. Entries(package).Select(e => (e.Key, IsXml(e.Key) ? edit(e.Key, XDocument.Parse(e.Value))?.ToString() : e.Value))
            .Where(e => e.Item2 is not null).Select(e => (e.Key, e.Item2!))]);

    /// <summary><paramref name="package"/> plus the given entries.</summary>
    public static byte[] With(byte[] package, params (string Name, string Content)[] more) =>
        Zip([.. Entries(package).Select(e => (e.Key, e.Value)), .. more]);

    private static bool IsXml(string name) => name.EndsWith(".xml", StringComparison.Ordinal);

    /// <summary>
    /// A package of ours rewritten to the layout earlier versions exported: the metadata JSON as a
    /// <c>&lt;cp:certplatform&gt;</c> element inside each item resource's <c>&lt;metadata&gt;</c>, no metadata files.
    /// </summary>
    public static byte[] Legacy(byte[] package)
    {
        var entries = Entries(package);
        return Edit(package, (name, doc) =>
        {
            if (name.StartsWith("meta/", StringComparison.Ordinal)) return null;
            if (name != "imsmanifest.xml") return doc;
            doc.Root!.SetAttributeValue(XNamespace.Xmlns + "cp", QtiFormat.MetaNamespace);
            var resources = doc.Descendants(Cp + "resource").ToList();
            foreach (var res in resources.Where(r => (string?)r.Attribute("type") == QtiFormat.ExtMetadataType)) res.Remove();
            foreach (var dependency in doc.Descendants(Cp + "dependency").ToList())
            {
                var target = resources.Single(r => (string?)r.Attribute("identifier") == (string?)dependency.Attribute("identifierref"));
                var json = XDocument.Parse(entries[(string)target.Attribute("href")!]).Root!.Value;
                dependency.Parent!.AddFirst(new XElement(Cp + "metadata", new XElement(Meta + "certplatform", json)));
                dependency.Remove();
            }
            return doc;
        });
    }
}
