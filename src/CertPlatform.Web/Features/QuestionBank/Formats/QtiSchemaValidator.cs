using System.IO.Compression;
using System.Xml;
using System.Xml.Schema;

namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>
/// Validates every XML file of a QTI content package (the manifest and the items), or one item file, against the XSD
/// files of a folder — the published 1EdTech QTI 3.0 schemas an operator downloaded (they are third-party files and not
/// part of this repository; docs/question-formats.md says where to get them). Offline and closed:
/// <list type="bullet">
/// <item>each document is checked against the schema of its root element's namespace, found by the
/// <c>targetNamespace</c> of the folder's <c>*.xsd</c> files (never by the document's <c>xsi:schemaLocation</c>, which
/// at most picks between two files of the same namespace by file name); a namespace without a schema in the folder is
/// an error naming it;</item>
/// <item>imports and includes between schemas are resolved by <see cref="SchemaFolderResolver"/>: by file name, in
/// the folder only; other locations (<c>http://…</c> without a local copy, paths outside the folder) are refused and
/// reported;</item>
/// <item>DTDs are prohibited in the package and in the schemas; the package gets the importer's zip checks
/// (<see cref="QtiPackageEntries"/>).</item>
/// </list>
/// Every problem names the file, line and column. Pure apart from reading the schema folder: no database, no HTTP.
/// </summary>
public static class QtiSchemaValidator
{
    private static readonly ImportTexts L = ImportTexts.Instance;

    /// <summary>Validates <paramref name="package"/> (a zip, or the bytes of one XML file) named <paramref name="packageName"/>.</summary>
    public static QtiSchemaReport Validate(string packageName, byte[] package, string schemaFolder)
    {
        ArgumentNullException.ThrowIfNull(package);
        var problems = new List<QtiSchemaProblem>();
        var checkedFiles = new List<string>();
        if (!Directory.Exists(schemaFolder))
        {
            problems.Add(new(schemaFolder, 0, 0, L["架构文件夹不存在：{0}", schemaFolder]));
            return new(checkedFiles, problems);
        }
        var documents = Documents(packageName, package, problems);
        if (documents is null) return new(checkedFiles, problems);
        var extensions = ExtensionMetadataFiles(packageName, documents);
        if (documents.Count == 0)
        {
            problems.Add(new(packageName, 0, 0, L["包中没有 XML 文件可检查"]));
            return new(checkedFiles, problems);
        }
        var resolver = new SchemaFolderResolver(schemaFolder);
        var index = SchemaIndex(resolver.Folder, problems);

        // The root namespace of every document, and the schema file that serves it.
        var roots = new List<(string Name, byte[] Bytes, string Namespace)>();
        var chosen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, bytes) in documents)
        {
            if (Root(name, bytes, problems) is not { } root) continue;
            roots.Add((name, bytes, root.Namespace));
            if (chosen.ContainsKey(root.Namespace)) continue;
            if (!index.TryGetValue(root.Namespace, out var files))
            {
                // A tool's own metadata file (resourceextmetadata/xml) has no published schema: noted, not an error.
                problems.Add(extensions.Contains(name)
                    ? new(name, root.Line, root.Column, L["扩展元数据文件（{0}）的命名空间“{1}”在架构文件夹中没有架构，未检查（官方架构不描述各平台自己的元数据）", QtiFormat.ExtMetadataType, root.Namespace], true)
                    : new(name, root.Line, root.Column, L["架构文件夹 {0} 中没有命名空间“{1}”的架构（XSD 的 targetNamespace），无法检查此文件", resolver.Folder, root.Namespace]));
                continue;
            }
            // Two files of one namespace (e.g. QTI 3.0 and 3.0.1): the one the document names by file name, else the last by name.
            chosen[root.Namespace] = files.FirstOrDefault(f => root.Hints.Contains(Path.GetFileName(f), StringComparer.Ordinal)) ?? files[^1];
        }
        if (problems.Any(p => !p.Warning)) return new(checkedFiles, problems);
        roots.RemoveAll(r => !chosen.ContainsKey(r.Namespace));

        var schemas = Compile(chosen.Values, resolver, problems);
        if (schemas is null) return new(checkedFiles, problems);
        foreach (var (name, bytes, _) in roots)
        {
            ValidateDocument(name, bytes, schemas, problems);
            checkedFiles.Add(name);
        }
        return new(checkedFiles, problems);
    }

    /// <summary>The XML files to check (manifest first), or null after a package error.</summary>
    private static List<(string Name, byte[] Bytes)>? Documents(string packageName, byte[] package, List<QtiSchemaProblem> problems)
    {
        if (package.Length > ImportLimits.MaxBytes)
        {
            problems.Add(new(packageName, 0, 0, ImportLimits.TooLarge(package.Length)));
            return null;
        }
        if (package.Length < 2 || package[0] != 'P' || package[1] != 'K') return [(packageName, package)];
        var result = new ImportResult();
        try
        {
            using var zip = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
            if (QtiPackageEntries.Check(packageName, zip, result) is { } entries)
                return entries.Where(e => e.Key.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
                    .OrderBy(e => e.Key == "imsmanifest.xml" ? 0 : 1).ThenBy(e => e.Key, StringComparer.Ordinal)
                    .Select(e => (packageName + "/" + e.Key, QtiPackageEntries.Read(e.Value))).ToList();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
        {
            result.Error(packageName, 0, L["无法读取压缩包：{0}", ex.Message]);
        }
        problems.AddRange(result.Issues.Select(i => new QtiSchemaProblem(i.File, i.Line, 0, i.Text)));
        return null;
    }

    /// <summary>The package names of the files the manifest lists under <c>resourceextmetadata/xml</c> resources (none when unreadable).</summary>
    private static HashSet<string> ExtensionMetadataFiles(string packageName, List<(string Name, byte[] Bytes)> documents)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        var manifestName = packageName + "/imsmanifest.xml";
        if (documents.FirstOrDefault(d => d.Name == manifestName).Bytes is not { } bytes) return files;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), Closed());
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "resource"
                    || !string.Equals(reader.GetAttribute("type"), QtiFormat.ExtMetadataType, StringComparison.OrdinalIgnoreCase)) continue;
                if (reader.GetAttribute("href") is { } href) files.Add(packageName + "/" + href.Replace('\\', '/'));
                if (reader.IsEmptyElement) continue;
                var depth = reader.Depth;
                while (reader.Read() && reader.Depth > depth)
                    if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "file" && reader.GetAttribute("href") is { } file)
                        files.Add(packageName + "/" + file.Replace('\\', '/'));
            }
        }
        catch (XmlException)
        {
            // The manifest's own problem is reported when it is checked.
        }
        return files;
    }

    private static XmlReaderSettings Closed() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
    };

    /// <summary>A reader of a schema file of the folder (its address as base URI, so that imports resolve beside it).</summary>
    private static XmlReader OpenSchema(string file) =>
        XmlReader.Create(File.OpenRead(file), Closed(), new Uri(file).AbsoluteUri);

    /// <summary>targetNamespace → the folder's schema files declaring it (ordered by name).</summary>
    private static Dictionary<string, List<string>> SchemaIndex(string folder, List<QtiSchemaProblem> problems)
    {
        var index = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.xsd").Order(StringComparer.Ordinal))
        {
            try
            {
                var ns = TargetNamespace(file);
                if (!index.TryGetValue(ns, out var files)) index[ns] = files = [];
                files.Add(file);
            }
            catch (XmlException ex)
            {
                problems.Add(new(Path.GetFileName(file), ex.LineNumber, ex.LinePosition, XmlError(ex)));
            }
        }
        return index;
    }

    private static (string Namespace, int Line, int Column, IReadOnlyList<string> Hints)? Root(string name, byte[] bytes, List<QtiSchemaProblem> problems)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), Closed());
            reader.MoveToContent();
            var info = (IXmlLineInfo)reader;
            // xsi:schemaLocation pairs "namespace location": only the file names are used, to choose between local files.
            var hints = (reader.GetAttribute("schemaLocation", XmlSchema.InstanceNamespace) ?? "")
                .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where((_, i) => i % 2 == 1)
                .Select(l => l.Replace('\\', '/')[(l.Replace('\\', '/').LastIndexOf('/') + 1)..]).ToList();
            return (reader.NamespaceURI, info.LineNumber, info.LinePosition, hints);
        }
        catch (XmlException ex)
        {
            problems.Add(new(name, ex.LineNumber, ex.LinePosition, XmlError(ex)));
            return null;
        }
    }

    private static ImportText XmlError(XmlException ex) => ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
        ? L["文件包含 DTD 声明（<!DOCTYPE …>），出于安全原因拒绝处理"]
        : L["XML 格式错误（第 {0} 行第 {1} 列）：{2}", ex.LineNumber, ex.LinePosition, ex.Message];

    private static XmlSchemaSet? Compile(IEnumerable<string> rootFiles, SchemaFolderResolver resolver, List<QtiSchemaProblem> problems)
    {
        var set = new XmlSchemaSet { XmlResolver = resolver };
        var errors = new List<QtiSchemaProblem>();
        // Warnings (e.g. "cannot load the schema" for a refused location) are reported from the resolver instead.
        set.ValidationEventHandler += (_, e) =>
        {
            if (e.Severity == XmlSeverityType.Error) errors.Add(SchemaError(e.Exception));
        };
        foreach (var file in rootFiles)
        {
            try
            {
                var tns = TargetNamespace(file);
                if (set.Contains(tns)) continue; // already brought in by another root's import
                using var reader = OpenSchema(file);
                set.Add(tns, reader);
            }
            catch (Exception ex) when (ex is XmlException or XmlSchemaException)
            {
                errors.Add(ex is XmlSchemaException se ? SchemaError(se) : new(Path.GetFileName(file), ((XmlException)ex).LineNumber, ((XmlException)ex).LinePosition, XmlError((XmlException)ex)));
            }
        }
        foreach (var (from, location) in resolver.Refused)
        {
            var expected = location.Replace('\\', '/');
            expected = expected[(expected.LastIndexOf('/') + 1)..];
            errors.Add(new(FileName(from), 0, 0, L["架构引用的位置“{0}”已拒绝：只从架构文件夹 {1} 中按文件名（{2}）查找，从不访问网络或其他文件夹；请把该文件放入架构文件夹", location, resolver.Folder, expected]));
        }
        if (errors.Count == 0)
        {
            try { set.Compile(); }
            catch (XmlSchemaException ex) { errors.Add(SchemaError(ex)); }
        }
        problems.AddRange(errors.Distinct());
        return errors.Count == 0 ? set : null;
    }

    private static string TargetNamespace(string file)
    {
        using var reader = OpenSchema(file);
        reader.MoveToContent();
        return reader.GetAttribute("targetNamespace") ?? "";
    }

    private static QtiSchemaProblem SchemaError(XmlSchemaException ex) =>
        new(FileName(ex.SourceUri is { Length: > 0 } s ? new Uri(s) : null), ex.LineNumber, ex.LinePosition, L["架构错误：{0}", ex.Message]);

    private static string FileName(Uri? uri) => uri is null ? "?" : uri.IsFile ? Path.GetFileName(uri.LocalPath) : uri.OriginalString;

    private static void ValidateDocument(string name, byte[] bytes, XmlSchemaSet schemas, List<QtiSchemaProblem> problems)
    {
        var settings = Closed();
        settings.ValidationType = ValidationType.Schema;
        settings.Schemas = schemas;
        // Only the folder's schemas count: no xsi:schemaLocation, no inline schema; identity constraints (xs:key,
        // xs:keyref, xs:unique) are part of the schema and are checked.
        settings.ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints;
        settings.ValidationEventHandler += (_, e) => problems.Add(new(name, e.Exception.LineNumber, e.Exception.LinePosition,
            e.Severity == XmlSeverityType.Error ? L["不符合架构：{0}", e.Message] : L["架构提示：{0}", e.Message], e.Severity == XmlSeverityType.Warning));
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), settings);
            while (reader.Read()) { }
        }
        catch (XmlException ex)
        {
            problems.Add(new(name, ex.LineNumber, ex.LinePosition, XmlError(ex)));
        }
    }
}
