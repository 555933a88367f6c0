using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using CertPlatform.Web.Content;
using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>
/// 1EdTech QTI 2.2 and 3.0 items, alone or in a content package (a zip with <c>imsmanifest.xml</c>), to and from
/// domain questions. Pure: no database, no HTTP. Element and attribute names are matched in both spellings
/// (<c>choiceInteraction</c> / <c>qti-choice-interaction</c>, <c>responseIdentifier</c> / <c>response-identifier</c>).
/// <list type="bullet">
/// <item>choice → Single (cardinality single or max-choices 1) or Multiple; the correct response marks the key; a
/// mapping (map_response) becomes option weights (percent of the best single answer, or of the upper bound / the sum
/// of positive values for several answers); per-choice feedback-inline → option feedback.</item>
/// <item>text-entry (one or more) → Fill, one blank per interaction: accepted answers are the correct response and
/// the mapping keys worth full marks; partial-credit keys are reported.</item>
/// <item>extended-text → Essay; the rubric is a rubric-block for scorers (or the correct response); without one the
/// essay comes in as a draft.</item>
/// <item>match → Matching (left set by the correct pairs; unused right choices are reported as lost distractors);
/// order → Ordering; gap-match → Fill (one blank per gap; the word bank is reported as lost); inline-choice → Single
/// when there is one, Fill when there are several.</item>
/// <item>Response processing: the standard templates match_correct, map_response and map_response_point, and custom
/// processing built from match / map-response (what authoring tools write) are read as the correct response and the
/// mapping; other custom processing is reported per item.</item>
/// <item>Unsupported interactions (hotspot, hottext, graphic-*, select-point, slider, upload, drawing, media,
/// associate, position-object, custom, portable-custom, end-attempt) skip their item, named by identifier and
/// interaction, never silently.</item>
/// </list>
/// <para><b>Safety.</b> DTDs are refused, nothing external is resolved; zip entries with <c>..</c> or an absolute path
/// refuse the package; at most <see cref="MaxEntries"/> entries, <see cref="MaxUncompressedBytes"/> uncompressed.</para>
/// <para><b>Export</b> writes a QTI 3.0 package: one item per question, <c>imsmanifest.xml</c> listing them, and the
/// platform's metadata (<see cref="FormatMetadata"/>: id, title, lesson, anchor, difficulty, tags, status, points, pool,
/// type, and any text the markup does not carry exactly) as JSON in <c>meta/item-NNNN.xml</c>, a
/// <c>resourceextmetadata/xml</c> resource the item resource names by <c>&lt;dependency&gt;</c> — the official
/// content-package profile allows nothing of ours inside a resource's <c>&lt;metadata&gt;</c>. Packages of earlier
/// versions, with a <c>&lt;cp:certplatform&gt;</c> element there, still import. Choices with option feedback declare the
/// <c>FEEDBACK</c> outcome and set it in the response processing. Case questions are not written (listed as skipped).</para>
/// </summary>
public static class QtiFormat
{
    /// <summary>Entries a package may have: two per item (the item and our metadata file) for the most questions an import takes, plus images.</summary>
    public const int MaxEntries = 2 * ImportLimits.MaxQuestions + 2000;
    public const long MaxUncompressedBytes = 64L * 1024 * 1024;
    public const string Qti3Namespace = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0";
    public const string Cp3Namespace = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1";
    public const string MetaNamespace = "urn:certplatform:question";
    /// <summary>The root element of a metadata file (and, in packages of earlier versions, of the element in the manifest).</summary>
    public const string MetaElement = "certplatform";
    /// <summary>The content-package profile's resource type for proprietary metadata of another resource, in a file of its own.</summary>
    public const string ExtMetadataType = "resourceextmetadata/xml";
    private const string TemplateBase = "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/";
    private static readonly ImportTexts L = ImportTexts.Instance;

    private static readonly HashSet<string> Supported = new(StringComparer.Ordinal)
    {
        "choiceinteraction", "textentryinteraction", "extendedtextinteraction", "matchinteraction", "orderinteraction",
        "gapmatchinteraction", "inlinechoiceinteraction",
    };

    // ------------------------------------------------------------------ import

    /// <summary>Reads a QTI item (XML) or a content package (zip). Never throws on malformed input.</summary>
    public static ImportResult Parse(string fileName, Stream input, ImageLimits? images = null)
    {
        var collector = new FormatImages(images ?? ImageLimits.Default);
        ArgumentNullException.ThrowIfNull(input);
        var result = new ImportResult();
        var bytes = MoodleXmlFormat.ReadLimited(input, ImportLimits.MaxBytes);
        if (bytes is null)
        {
            result.Error(fileName, 0, ImportLimits.TooLarge(null));
            return result;
        }
        try
        {
            if (bytes.Length >= 2 && bytes[0] == 'P' && bytes[1] == 'K') ReadPackage(fileName, bytes, result, collector);
            else if (Load(fileName, bytes, result) is { } doc) ReadItemWithImages(fileName, fileName, doc, null, null, collector, result);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
        {
            result.Error(fileName, 0, L["无法读取压缩包：{0}", ex.Message]);
        }
        if (result.Questions.Count == 0 && result.Issues.Count == 0) result.Error(fileName, 0, L["文件中没有题目"]);
        return result;
    }

    private static void ReadPackage(string fileName, byte[] bytes, ImportResult result, FormatImages images)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        if (QtiPackageEntries.Check(fileName, zip, result) is not { } entries) return;
        var items = new List<(string Path, FormatMetadata? Meta)>();
        if (entries.TryGetValue("imsmanifest.xml", out var manifestEntry))
        {
            var manifestName = fileName + "/imsmanifest.xml";
            if (Load(manifestName, QtiPackageEntries.Read(manifestEntry), result) is not { } manifest) return;
            var resources = manifest.Descendants().Where(x => Norm(x.Name) == "resource").ToList();
            var byId = new Dictionary<string, XElement>(StringComparer.Ordinal);
            foreach (var r in resources) byId.TryAdd(Attr(r, "identifier") ?? "", r);
            foreach (var res in resources)
            {
                var type = (Attr(res, "type") ?? "").ToLowerInvariant();
                var href = Attr(res, "href");
                if (href is null) continue;
                if (type.StartsWith("imsqti_test", StringComparison.Ordinal))
                {
                    result.Skip(manifestName, LineOf(res), L["试卷（assessmentTest）“{0}”的结构不导入；其中的试题照常导入", href]);
                    continue;
                }
                if (!type.StartsWith("imsqti_item", StringComparison.Ordinal)) continue;
                items.Add((href.Replace('\\', '/'), ResourceMetadata(fileName, manifestName, res, byId, entries, result)));
            }
        }
        else items.AddRange(entries.Keys.Where(k => k.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).Select(k => (k, (FormatMetadata?)null)));
        var count = 0;
        foreach (var (path, meta) in items)
        {
            var itemName = fileName + "/" + path;
            if (!entries.TryGetValue(path, out var entry))
            {
                result.Error(fileName + "/imsmanifest.xml", 0, L["清单列出的文件“{0}”不在压缩包中", path]);
                continue;
            }
            if (!ImportLimits.CheckCount(fileName, 0, ++count, result)) return;
            if (Load(itemName, QtiPackageEntries.Read(entry), result) is { } doc)
                ReadItemWithImages(itemName, path, doc, meta, p => entries.TryGetValue(p, out var e) ? QtiPackageEntries.Read(e) : null, images, result);
        }
    }

    /// <summary>
    /// The platform's metadata of an item resource: from the <c>resourceextmetadata/xml</c> resource its
    /// <c>&lt;dependency identifierref&gt;</c> names (a file whose root is <c>&lt;certplatform xmlns="urn:certplatform:question"&gt;</c>
    /// holding the JSON bag; what this platform writes since the official content-package profile allows only
    /// <c>qtiMetadata</c>, <c>curriculumStandardsMetadataSet</c> and <c>lom</c> in a resource's metadata), else from the
    /// <c>&lt;cp:certplatform&gt;</c> element inside the resource's metadata (packages exported by earlier versions).
    /// Null for a foreign package. A bag that cannot be read is an error naming its file and line.
    /// </summary>
    private static FormatMetadata? ResourceMetadata(string fileName, string manifestName, XElement res, Dictionary<string, XElement> byId,
        IReadOnlyDictionary<string, ZipArchiveEntry> entries, ImportResult result)
    {
        foreach (var dependency in Kids(res, "dependency"))
        {
            if (!byId.TryGetValue(Attr(dependency, "identifierref") ?? "", out var target)
                || !string.Equals(Attr(target, "type"), ExtMetadataType, StringComparison.OrdinalIgnoreCase)) continue;
            var path = (Attr(target, "href") ?? Kids(target, "file").Select(f => Attr(f, "href")).FirstOrDefault() ?? "").Replace('\\', '/');
            var metaName = fileName + "/" + path;
            if (!entries.TryGetValue(path, out var entry))
            {
                result.Error(manifestName, LineOf(target), L["清单列出的文件“{0}”不在压缩包中", path]);
                return null;
            }
            if (Load(metaName, QtiPackageEntries.Read(entry), result) is not { } doc) return null;
            if (doc.Root!.Name != XName.Get(MetaElement, MetaNamespace)) continue; // another tool's extension metadata
            return ParseMetadata(metaName, doc.Root, result);
        }
        return res.Descendants(XName.Get(MetaElement, MetaNamespace)).FirstOrDefault() is { } old ? ParseMetadata(manifestName, old, result) : null;
    }

    private static FormatMetadata? ParseMetadata(string file, XElement element, ImportResult result)
    {
        if (FormatMetadata.TryParse(element.Value, out var meta, out var error)) return meta;
        result.Error(file, LineOf(element), L["平台元数据无效：{0}", error]);
        return null;
    }

    /// <summary>
    /// Reads an item and the images it shows: the first <c>img</c> of the body outside the choices becomes the stem image,
    /// the first in each simple choice that option's image. <c>src</c> is resolved against the item's folder inside the
    /// package (<paramref name="read"/> null: a lone item file, which carries no images). A missing file, a path leaving the
    /// package, SVG, a non-image or an oversized image is an error with the item file and line; remote and data: sources
    /// and further images are reported as not kept.
    /// </summary>
    private static void ReadItemWithImages(string itemName, string path, XDocument doc, FormatMetadata? meta, Func<string, byte[]?>? read, FormatImages images,
        ImportResult result)
    {
        // Image errors count only for an item that is imported (a skipped item's pictures do not matter).
        var imageErrors = new ImportResult();
        var root = doc.Root!;
        var label = Attr(root, "identifier") ?? Attr(root, "title") ?? "?";
        var notes = new List<ImportIssue>();
        string? stem = null;
        var choiceImages = new Dictionary<int, string>();
        var body = Kids(root, "itembody").FirstOrDefault();
        var choices = body is null ? [] : All(body, "simplechoice").ToList();
        var folder = path.Contains('/') ? path[..(path.LastIndexOf('/') + 1)] : "";
        foreach (var img in body?.Descendants().Where(e => Norm(e.Name) == "img").ToList() ?? [])
        {
            var src = (Attr(img, "src") ?? "").Trim();
            var line = LineOf(img);
            if (img.Ancestors().Any(a => Norm(a.Name) is "feedbackinline" or "feedbackblock" or "rubricblock" or "modalfeedback")) continue;
            var choice = img.Ancestors().FirstOrDefault(a => Norm(a.Name) == "simplechoice");
            var index = choice is null ? -1 : choices.IndexOf(choice);
            if (src.Contains("://", StringComparison.Ordinal) || src.StartsWith("//", StringComparison.Ordinal) || src.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                notes.Add(new ImportIssue(itemName, line, L["试题 {0}：外部图片“{1}”未导入（平台不从网络或 data: 地址读取图片）", label, src.Length > 60 ? src[..60] + "…" : src], true));
                continue;
            }
            if (index < 0 ? stem is not null : choiceImages.ContainsKey(index))
            {
                notes.Add(new ImportIssue(itemName, line, L["试题 {0}：图片“{1}”未导入（题干和每个选项只保存一张图片）", label, FormatImages.SafeName(src)], true));
                continue;
            }
            var target = Resolve(folder, src);
            var bytes = target is null || read is null ? null : read(target);
            if (bytes is null)
            {
                imageErrors.Error(itemName, line, target is null
                    ? L["试题 {0}：图片地址“{1}”指向压缩包之外，已拒绝", label, src]
                    : L["试题 {0}：图片“{1}”不在压缩包中（单个 XML 文件不能携带图片，请上传含图片的 QTI 压缩包）", label, src]);
                continue;
            }
            if (images.Accept(itemName, line, label, target!, bytes, imageErrors) is not { } image) continue;
            if (index < 0) stem = image.Sha256;
            else choiceImages[index] = image.Sha256;
            // The platform shows the image beside the text; an option that is only a picture keeps a placeholder text.
            if (choice is not null && Flatten(new XElement(choice.Name, choice.Nodes().Where(n => n != img))).Length == 0) img.ReplaceWith(new XText("[图片]"));
            else img.Remove();
        }
        var before = result.Questions.Count;
        ReadItem(itemName, doc, meta, result);
        if (result.Questions.Count == before) return;
        result.Issues.AddRange(imageErrors.Issues);
        var read1 = result.Questions[^1];
        var q = read1.Question with { StemImage = stem };
        if (choiceImages.Count > 0 && q.Options.Count == choices.Count)
            q = q with { Options = q.Options.Select((o, i) => o with { Image = choiceImages.GetValueOrDefault(i) }).ToList() };
        result.Questions[^1] = read1 with { Question = q, Notes = [.. read1.Notes, .. notes], Images = images.For(q) };
    }

    /// <summary>A package path from an item's folder and a relative <c>src</c>, or null when it leaves the package.</summary>
    private static string? Resolve(string folder, string src)
    {
        var cut = src.IndexOfAny(['?', '#']);
        var relative = Uri.UnescapeDataString(cut >= 0 ? src[..cut] : src).Replace('\\', '/');
        var parts = new List<string>();
        foreach (var segment in ((relative.StartsWith('/') ? "" : folder) + relative).Split('/'))
        {
            if (segment is "" or ".") continue;
            if (segment == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else parts.Add(segment);
        }
        return parts.Count == 0 ? null : string.Join('/', parts);
    }

    private static XDocument? Load(string file, byte[] bytes, ImportResult result)
    {
        try
        {
            return MoodleXmlFormat.Load(bytes);
        }
        catch (XmlException ex)
        {
            result.Error(file, Math.Max(ex.LineNumber, 1), ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? L["文件包含 DTD 声明（<!DOCTYPE …>），出于安全原因拒绝导入"]
                : L["XML 格式错误（第 {0} 行第 {1} 列）：{2}", ex.LineNumber, ex.LinePosition, ex.Message]);
            return null;
        }
    }

    /// <summary>Element or attribute name without namespace, "qti-" prefix, hyphens and case: both QTI spellings compare equal.</summary>
    private static string Norm(XName name)
    {
        var local = name.LocalName;
        if (local.StartsWith("qti-", StringComparison.Ordinal)) local = local[4..];
        return local.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
    }

    private static string? Attr(XElement e, string normalized) =>
        e.Attributes().FirstOrDefault(a => Norm(a.Name) == normalized)?.Value;

    private static IEnumerable<XElement> Kids(XElement e, string normalized) => e.Elements().Where(x => Norm(x.Name) == normalized);

    private static IEnumerable<XElement> All(XElement e, string normalized) => e.Descendants().Where(x => Norm(x.Name) == normalized);

    private static int LineOf(XObject o) => o is IXmlLineInfo li && li.HasLineInfo() ? li.LineNumber : 0;

    private sealed class Declaration
    {
        public string Cardinality = "single";
        public List<string> Correct = [];
        public Dictionary<string, decimal> Mapping = new(StringComparer.Ordinal);
        public decimal? UpperBound;
    }

    private static Dictionary<string, Declaration> Declarations(XElement root)
    {
        var map = new Dictionary<string, Declaration>(StringComparer.Ordinal);
        foreach (var d in Kids(root, "responsedeclaration"))
        {
            var decl = new Declaration { Cardinality = Attr(d, "cardinality") ?? "single" };
            foreach (var cr in Kids(d, "correctresponse")) decl.Correct.AddRange(Kids(cr, "value").Select(v => v.Value.Trim()));
            foreach (var m in Kids(d, "mapping"))
            {
                if (Number(Attr(m, "upperbound")) is { } ub) decl.UpperBound = ub;
                foreach (var entry in Kids(m, "mapentry"))
                    if (Attr(entry, "mapkey") is { } key && Number(Attr(entry, "mappedvalue")) is { } v) decl.Mapping.TryAdd(key.Trim(), v);
            }
            map[Attr(d, "identifier") ?? ""] = decl;
        }
        return map;
    }

    private static decimal? Number(string? s) =>
        decimal.TryParse(s?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static readonly HashSet<string> BlockNames = new(StringComparer.Ordinal)
    {
        "p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr",
        "prompt", "contentbody", "simplechoice", "section",
    };

    /// <summary>
    /// Plain text of an element as a trainee reads it: block elements break lines, images become "[图片]", runs of
    /// whitespace collapse, lines are trimmed and blank lines dropped; <paramref name="replace"/> may substitute an
    /// element (null: descend into it as usual).
    /// </summary>
    private static string Flatten(XElement element, Func<XElement, string?>? replace = null)
    {
        var lines = new List<StringBuilder> { new() };
        void Text(string s)
        {
            var line = lines[^1];
            foreach (var ch in s)
            {
                if (ch is ' ' or '\t' or '\n' or '\r') { if (line.Length > 0 && line[^1] != ' ') line.Append(' '); }
                else line.Append(ch);
            }
        }
        void Walk(XElement e)
        {
            foreach (var node in e.Nodes())
            {
                if (node is XText t) { Text(t.Value); continue; }
                if (node is not XElement child) continue;
                if (replace?.Invoke(child) is { } r) { Text(r); continue; }
                var name = Norm(child.Name);
                if (name is "feedbackinline" or "feedbackblock" or "rubricblock" or "modalfeedback" or "templateinline" or "templateblock") continue;
                if (name is "img" or "object" or "picture") { Text("[图片]"); continue; }
                var block = BlockNames.Contains(name);
                if (block) lines.Add(new StringBuilder());
                Walk(child);
                if (block) lines.Add(new StringBuilder());
            }
        }
        Walk(element);
        return string.Join('\n', lines.Select(l => l.ToString().Trim()).Where(l => l.Length > 0));
    }

    private static void ReadItem(string file, XDocument doc, FormatMetadata? meta, ImportResult result)
    {
        var root = doc.Root!;
        if (Norm(root.Name) != "assessmentitem")
        {
            result.Skip(file, LineOf(root), L["不是 QTI 试题（根元素应为 assessmentItem 或 qti-assessment-item），已跳过"]);
            return;
        }
        var line = LineOf(root);
        var identifier = Attr(root, "identifier") ?? "";
        var title = Attr(root, "title");
        var label = identifier.Length > 0 ? identifier : title ?? "?";
        var body = Kids(root, "itembody").FirstOrDefault();
        if (body is null) { result.Error(file, line, L["QTI 试题 {0} 没有题目正文（itemBody）", label]); return; }
        var interactions = body.Descendants().Where(e => Norm(e.Name).EndsWith("interaction", StringComparison.Ordinal)).ToList();
        var unsupported = interactions.Select(e => e.Name.LocalName).Where(n => !Supported.Contains(Norm(XName.Get(n)))).Distinct().ToList();
        if (unsupported.Count > 0)
        {
            result.Skip(file, line, L["QTI 试题 {0} 含平台不支持的交互（{1}），已跳过", label, string.Join("、", unsupported)]);
            return;
        }
        var kinds = interactions.Select(e => Norm(e.Name)).Distinct().ToList();
        if (kinds.Count == 0) { result.Skip(file, line, L["QTI 试题 {0} 没有作答交互，已跳过", label]); return; }
        if (kinds.Count > 1 || (interactions.Count > 1 && kinds[0] is not ("textentryinteraction" or "inlinechoiceinteraction")))
        {
            result.Skip(file, line, L["QTI 试题 {0} 有多个作答交互（{1}），平台的一道试题只有一种作答方式，已跳过", label, string.Join("、", interactions.Select(i => i.Name.LocalName))]);
            return;
        }
        var notes = new List<ImportIssue>();
        void Note(int at, ImportText text) => notes.Add(new ImportIssue(file, at, text, true));
        var decls = Declarations(root);
        Declaration Decl(XElement interaction) =>
            decls.TryGetValue(Attr(interaction, "responseidentifier") ?? "", out var d) ? d : new Declaration();
        CheckProcessing(root, Note);

        var first = interactions[0];
        var kind = kinds[0];
        var inlineMarks = new Dictionary<XElement, string>();
        string Stem(Func<XElement, string?>? extra = null) => Flatten(body, e =>
            inlineMarks.TryGetValue(e, out var mark) ? mark
            : Norm(e.Name) is "choiceinteraction" or "orderinteraction" or "matchinteraction" or "extendedtextinteraction"
                ? string.Join('\n', Kids(e, "prompt").Select(p => Flatten(p))) is { Length: > 0 } prompt ? "\n" + prompt + "\n" : ""
            : extra?.Invoke(e));
        var q = new Question { Id = "", Type = QuestionType.Single, Stem = "" };
        switch (kind)
        {
            case "choiceinteraction":
            {
                var decl = Decl(first);
                var single = decl.Cardinality == "single" || Attr(first, "maxchoices") == "1";
                var choices = All(first, "simplechoice").ToList();
                var ids = choices.Select(c => Attr(c, "identifier") ?? "").ToList();
                var options = choices.Select((c, i) => new ChoiceOption(Flatten(c),
                    decl.Correct.Count > 0 ? decl.Correct.Contains(ids[i]) : decl.Mapping.GetValueOrDefault(ids[i]) > 0,
                    Feedback: string.Join('\n', All(c, "feedbackinline").Select(f => Flatten(f))) is { Length: > 0 } fb ? fb : null)).ToList();
                if (single && options.Count(o => o.Correct) > 1 && decl.Mapping.Count == 0)
                    options = options.Select((o, i) => o with { Correct = i == options.FindIndex(x => x.Correct) }).ToList();
                if (decl.Mapping.Count > 0)
                {
                    var values = ids.Select(id => decl.Mapping.GetValueOrDefault(id)).ToList();
                    var full = single ? values.DefaultIfEmpty(0).Max() : decl.UpperBound ?? values.Where(v => v > 0).Sum();
                    if (full > 0) options = ChoiceWeights.Apply(options, values.Select(v => Math.Round(v / full * 100m, 4)).ToList(), single);
                }
                if (meta?.Type == QuestionType.TrueFalse && ids.Count == 2)
                    q = q with { Type = QuestionType.TrueFalse, TrueFalseAnswer = decl.Correct.FirstOrDefault() is { } c ? c == "true" : null };
                else q = q with { Type = single ? QuestionType.Single : QuestionType.Multiple, Options = options };
                q = q with { Stem = Stem() };
                break;
            }
            case "textentryinteraction":
            {
                var blanks = new List<IReadOnlyList<string>>();
                foreach (var te in interactions)
                {
                    var decl = Decl(te);
                    var best = decl.Mapping.Values.DefaultIfEmpty(0).Max();
                    var accepted = decl.Correct.Concat(decl.Mapping.Where(m => m.Value >= best && best > 0).Select(m => m.Key)).Distinct().ToList();
                    foreach (var partial in decl.Mapping.Where(m => m.Value > 0 && m.Value < best))
                        Note(LineOf(te), L["填空答案“{0}”只得部分分：平台的填空题只有全对的答案，已舍去", partial.Key]);
                    blanks.Add(accepted);
                    inlineMarks[te] = $"{{{{{blanks.Count}}}}}";
                }
                q = q with { Type = QuestionType.Fill, Blanks = blanks, Stem = Stem() };
                break;
            }
            case "inlinechoiceinteraction" when interactions.Count == 1:
            {
                var decl = Decl(first);
                inlineMarks[first] = "_____";
                var choices = All(first, "inlinechoice").ToList();
                var options = choices.Select(c => new ChoiceOption(Flatten(c), decl.Correct.Contains(Attr(c, "identifier") ?? ""))).ToList();
                q = q with { Type = QuestionType.Single, Options = options, Stem = Stem() };
                break;
            }
            case "inlinechoiceinteraction":
            {
                var blanks = new List<IReadOnlyList<string>>();
                foreach (var ic in interactions)
                {
                    var decl = Decl(ic);
                    blanks.Add(All(ic, "inlinechoice").Where(c => decl.Correct.Contains(Attr(c, "identifier") ?? "")).Select(c => Flatten(c)).ToList());
                    inlineMarks[ic] = $"{{{{{blanks.Count}}}}}";
                }
                Note(line, L["几个下拉选空（inline choice）导入为填空题：学员需输入答案，下拉选项不保存"]);
                q = q with { Type = QuestionType.Fill, Blanks = blanks, Stem = Stem() };
                break;
            }
            case "gapmatchinteraction":
            {
                var decl = Decl(first);
                var words = All(first, "gaptext").ToDictionary(g => Attr(g, "identifier") ?? "", g => Flatten(g));
                var gaps = All(first, "gap").ToList();
                var blanks = new List<IReadOnlyList<string>>();
                foreach (var gap in gaps)
                {
                    var gapId = Attr(gap, "identifier") ?? "";
                    blanks.Add(decl.Correct.Select(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        .Where(p => p.Length == 2 && p[1] == gapId && words.ContainsKey(p[0])).Select(p => words[p[0]]).ToList());
                    inlineMarks[gap] = $"{{{{{blanks.Count}}}}}";
                }
                Note(line, L["选词填空（gap match）导入为填空题：学员需输入答案，备选词不保存"]);
                q = q with
                {
                    Type = QuestionType.Fill, Blanks = blanks,
                    Stem = Stem(e => Norm(e.Name) == "gaptext" ? "" : null),
                };
                break;
            }
            case "extendedtextinteraction":
            {
                var decl = Decl(first);
                var rubric = string.Join('\n', All(root, "rubricblock").Where(r => (Attr(r, "view") ?? "").Contains("scorer", StringComparison.Ordinal))
                    .Select(r => Flatten(r)).Where(t => t.Length > 0));
                if (rubric.Length == 0) rubric = string.Join('\n', decl.Correct);
                q = q with { Type = QuestionType.Essay, Rubric = rubric, Stem = Stem() };
                if (rubric.Trim().Length == 0 && meta?.Status is null)
                {
                    q = q with { Status = QuestionStatus.Draft };
                    Note(line, L["问答题没有评分要点（供阅卷人的 rubricBlock）：以草稿导入，补充评分要点后再启用"]);
                }
                break;
            }
            case "matchinteraction":
            {
                var decl = Decl(first);
                var sets = All(first, "simplematchset").ToList();
                if (sets.Count != 2) { result.Error(file, LineOf(first), L["QTI 试题 {0}：匹配交互应有两组选项（simpleMatchSet）", label]); return; }
                var left = All(sets[0], "simpleassociablechoice").ToDictionary(c => Attr(c, "identifier") ?? "", c => Flatten(c));
                var right = All(sets[1], "simpleassociablechoice").ToDictionary(c => Attr(c, "identifier") ?? "", c => Flatten(c));
                var pairs = new List<MatchPair>();
                var used = new HashSet<string>();
                foreach (var (leftId, leftText) in left)
                {
                    var targets = decl.Correct.Select(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        .Where(p => p.Length == 2 && p[0] == leftId && right.ContainsKey(p[1])).Select(p => p[1]).ToList();
                    if (targets.Count != 1)
                    {
                        Note(LineOf(first), L["匹配项“{0}”没有唯一的正确配对，已舍去", leftText]);
                        continue;
                    }
                    used.Add(targets[0]);
                    pairs.Add(new MatchPair(leftText, right[targets[0]]));
                }
                foreach (var (rightId, rightText) in right.Where(r => !used.Contains(r.Key)))
                    Note(LineOf(first), L["连线题的干扰项“{0}”平台不支持，已舍去（其余配对照常导入）", rightText]);
                q = q with { Type = QuestionType.Matching, Pairs = pairs, Stem = Stem() };
                break;
            }
            case "orderinteraction":
            {
                var decl = Decl(first);
                var choices = All(first, "simplechoice").ToDictionary(c => Attr(c, "identifier") ?? "", c => Flatten(c));
                var order = decl.Correct.Where(choices.ContainsKey).ToList();
                if (order.Count != choices.Count)
                {
                    result.Error(file, LineOf(first), L["QTI 试题 {0}：排序题的正确顺序（correctResponse）没有列出全部选项", label]);
                    return;
                }
                q = q with { Type = QuestionType.Ordering, Items = order.Select(id => choices[id]).ToList(), Stem = Stem() };
                break;
            }
        }

        var explanation = string.Join('\n', All(root, "modalfeedback").Select(f => Flatten(f)).Where(t => t.Length > 0));
        var maxScore = Kids(root, "outcomedeclaration").Where(o => Attr(o, "identifier") == "MAXSCORE")
            .SelectMany(o => All(o, "value")).Select(v => Number(v.Value)).FirstOrDefault(v => v > 0);
        var id = meta?.Id is { Length: > 0 } metaId ? metaId
            : IsValidId(identifier) ? identifier
            : identifier.Length > 0 ? "qti-" + Hash12(identifier)
            : "";
        q = q with
        {
            Title = title is { Length: > 0 } && title != id ? title : null,
            Explanation = explanation,
            Points = maxScore ?? (q.Type == QuestionType.Essay ? 10 : 1),
            Difficulty = 3,
            LessonId = "",
            Anchor = null,
            Tags = [],
            Pool = QuestionPool.Practice,
        };
        if (meta is not null) q = meta.ApplyTo(q);
        if (id.Length == 0) id = GiftFormat.ContentId(q);
        q = q with { Id = id };
        var problems = q.Validate();
        foreach (var p in problems) result.Error(file, line, L["试题 {0}：{1}", id, QuestionProblems.Describe(p)]);
        if (problems.Count == 0) result.Questions.Add(new ImportedQuestion(q, line, null) { Notes = notes, Pool = meta?.Pool });
    }

    /// <summary>Standard templates and custom processing built from match / map-response are understood; anything else is reported.</summary>
    private static void CheckProcessing(XElement root, Action<int, ImportText> note)
    {
        var rp = Kids(root, "responseprocessing").FirstOrDefault();
        if (rp is null) return;
        var template = Attr(rp, "template") ?? Attr(rp, "templatelocation");
        if (template is not null)
        {
            var name = template.Split('/').Last().Replace(".xml", "", StringComparison.Ordinal);
            if (name is not ("match_correct" or "map_response" or "map_response_point" or "CC2_match" or "CC2_match_basic" or "CC2_map_response"))
                note(LineOf(rp), L["评分规则模板“{0}”不认识：按正确答案和分值映射评分", name]);
            return;
        }
        var known = new HashSet<string>(StringComparer.Ordinal)
        {
            "responsecondition", "responseif", "responseelse", "responseelseif", "setoutcomevalue", "match", "mapresponse",
            "mapresponsepoint", "variable", "correct", "baseValue".ToLowerInvariant(), "sum", "isnull", "and", "or", "not", "multiple", "ordered",
        };
        var other = rp.Descendants().Select(e => Norm(e.Name)).Where(n => !known.Contains(n)).Distinct().ToList();
        if (other.Count > 0)
            note(LineOf(rp), L["自定义评分规则中的 {0} 平台不执行：按正确答案和分值映射评分", string.Join("、", other)]);
    }

    private static bool IsValidId(string id) => id.Length is > 0 and <= 120 && LessonParser.IsValidId(id);

    private static string Hash12(string s) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(s)))[..12];

    // ------------------------------------------------------------------ export

    /// <summary>
    /// A QTI 3.0 content package of <paramref name="questions"/> (case questions are listed as skipped). Stem and option
    /// images found in <paramref name="images"/> are written once each under <c>images/</c>, shown with <c>img</c> and
    /// listed as files of the items' resources in the manifest.
    /// </summary>
    public static QtiExport WritePackage(IEnumerable<Question> questions, IReadOnlyDictionary<string, ImportedImage>? images = null)
    {
        ArgumentNullException.ThrowIfNull(questions);
        images ??= new Dictionary<string, ImportedImage>();
        var skipped = new List<ExportSkip>();
        var written = new List<(string Path, string Identifier, IReadOnlyList<string> Files)>();
        var stored = new HashSet<string>(StringComparer.Ordinal);
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            var n = 0;
            foreach (var q in questions)
            {
                if (q.Type == QuestionType.Case)
                {
                    skipped.Add(new(q.Id, L["案例题无法用一个 QTI 试题表示，未导出（可导出为 Moodle XML）"]));
                    continue;
                }
                var identifier = "item-" + (++n).ToString("0000", CultureInfo.InvariantCulture);
                var path = $"items/{identifier}.xml";
                var shown = FormatImages.Shas(q).Where(images.ContainsKey).Distinct().Select(sha => images[sha]).ToList();
                var item = WriteItem(q, identifier, images);
                var meta = FormatMetadata.Of(q, q.Type == QuestionType.TrueFalse ? QuestionType.TrueFalse : null);
                meta.Id = q.Id;
                // Read the item back as an import would (images aside: the import resolves them from the package);
                // where the markup loses something, the exact value goes in the metadata.
                var back = new ImportResult();
                var copy = XDocument.Parse(item.ToString(SaveOptions.DisableFormatting), LoadOptions.SetLineInfo);
                copy.Descendants().Where(e => e.Name.LocalName == "img").Remove();
                ReadItem(path, copy, meta, back);
                var plain = back.Questions.Count == 1 ? back.Questions[0].Question : null;
                var withoutImages = q with { StemImage = null, Options = q.Options.Select(o => o with { Image = null }).ToList() };
                meta.KeepExact(withoutImages, plain);
                var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                using (var s = entry.Open()) item.Save(s, SaveOptions.DisableFormatting);
                foreach (var image in shown.Where(i => stored.Add(i.Sha256)))
                {
                    var file = zip.CreateEntry(ImagePath(image), CompressionLevel.NoCompression);
                    using var s = file.Open();
                    s.Write(image.Bytes);
                }
                var metaEntry = zip.CreateEntry(MetaPath(identifier), CompressionLevel.Optimal);
                using (var s = metaEntry.Open()) MetaFile(meta).Save(s, SaveOptions.DisableFormatting);
                written.Add((path, identifier, shown.Select(ImagePath).ToList()));
            }
            var manifest = zip.CreateEntry("imsmanifest.xml", CompressionLevel.Optimal);
            using (var s = manifest.Open()) Manifest(written).Save(s);
        }
        return new QtiExport(ms.ToArray(), written.Count, skipped);
    }

    private static string ImagePath(ImportedImage image) => "images/" + image.ExportName;

    private static string MetaPath(string identifier) => $"meta/{identifier}.xml";

    /// <summary>The metadata file of one item: <c>&lt;certplatform xmlns="urn:certplatform:question" version="1"&gt;{json}&lt;/certplatform&gt;</c>.</summary>
    private static XDocument MetaFile(FormatMetadata meta) => new(new XDeclaration("1.0", "UTF-8", null),
        new XElement(XName.Get(MetaElement, MetaNamespace), new XAttribute("version", "1"), meta.Serialize()));

    /// <summary>
    /// The manifest after the QTI 3.0 content-package profile (imsqtiv3p0_imscpv1p2_v1p0): each item resource lists its
    /// files and names, by <c>&lt;dependency identifierref&gt;</c>, a <c>resourceextmetadata/xml</c> resource holding the
    /// platform's metadata file — the profile allows only qtiMetadata, curriculumStandardsMetadataSet and lom inside a
    /// resource's <c>&lt;metadata&gt;</c>, so nothing of ours goes there.
    /// </summary>
    private static XDocument Manifest(List<(string Path, string Identifier, IReadOnlyList<string> Files)> items)
    {
        XNamespace cp = Cp3Namespace;
        var resources = items.SelectMany(i => new[]
        {
            new XElement(cp + "resource",
                new XAttribute("identifier", "res-" + i.Identifier), new XAttribute("type", "imsqti_item_xmlv3p0"), new XAttribute("href", i.Path),
                new XElement(cp + "file", new XAttribute("href", i.Path)),
                i.Files.Select(f => new XElement(cp + "file", new XAttribute("href", f))),
                new XElement(cp + "dependency", new XAttribute("identifierref", "meta-" + i.Identifier))),
            new XElement(cp + "resource",
                new XAttribute("identifier", "meta-" + i.Identifier), new XAttribute("type", ExtMetadataType), new XAttribute("href", MetaPath(i.Identifier)),
                new XElement(cp + "file", new XAttribute("href", MetaPath(i.Identifier)))),
        });
        return new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement(cp + "manifest", new XAttribute("identifier", "certplatform-export"),
                new XElement(cp + "metadata", new XElement(cp + "schema", "QTI Package"), new XElement(cp + "schemaversion", "3.0.0")),
                new XElement(cp + "organizations"),
                new XElement(cp + "resources", resources)));
    }

    private static XElement Paragraphs(XNamespace ns, string text, Func<string, IEnumerable<object>>? inline = null) =>
        new(ns + "div", text.Split('\n').Select(l => new XElement(ns + "p", inline is null ? Safe(l) : inline(l))));

    private static string Safe(string s) => Infrastructure.XmlText.Safe(s);

    /// <summary>The outcome that shows a choice's inline feedback (the QTI 3.0 implementation guide's pattern).</summary>
    public const string FeedbackOutcome = "FEEDBACK";

    /// <summary>
    /// Response processing of a choice with inline feedback: the scoring of the match_correct template (SCORE 1 when the
    /// response is the correct one, else 0) or of map_response (0 without a response, else the mapped sum), then
    /// FEEDBACK set to the response, so a player shows the feedback of each chosen option.
    /// </summary>
    private static XElement ChoiceProcessing(XNamespace ns, bool mapped)
    {
        XElement Set(string id, XElement value) => new(ns + "qti-set-outcome-value", new XAttribute("identifier", id), value);
        XElement Score(string value) => Set("SCORE", new XElement(ns + "qti-base-value", new XAttribute("base-type", "float"), value));
        var response = new XElement(ns + "qti-variable", new XAttribute("identifier", "RESPONSE"));
        var scoring = mapped
            ? new XElement(ns + "qti-response-condition",
                new XElement(ns + "qti-response-if", new XElement(ns + "qti-is-null", response), Score("0")),
                new XElement(ns + "qti-response-else", Set("SCORE", new XElement(ns + "qti-map-response", new XAttribute("identifier", "RESPONSE")))))
            : new XElement(ns + "qti-response-condition",
                new XElement(ns + "qti-response-if",
                    new XElement(ns + "qti-match", response, new XElement(ns + "qti-correct", new XAttribute("identifier", "RESPONSE"))), Score("1")),
                new XElement(ns + "qti-response-else", Score("0")));
        return new XElement(ns + "qti-response-processing", scoring, Set(FeedbackOutcome, response));
    }

    private static XDocument WriteItem(Question q, string identifier, IReadOnlyDictionary<string, ImportedImage> images)
    {
        XNamespace ns = Qti3Namespace;
        // Items live in items/, images in images/: src is relative to the item.
        XElement? Img(string? sha) => sha is not null && images.TryGetValue(sha, out var image)
            ? new XElement(ns + "img", new XAttribute("src", "../" + ImagePath(image)), new XAttribute("alt", ""))
            : null;
        XElement Stem(XElement paragraphs)
        {
            if (Img(q.StemImage) is { } img) paragraphs.Add(new XElement(ns + "p", img));
            return paragraphs;
        }
        var decls = new List<XElement>();
        var body = new XElement(ns + "qti-item-body");
        XElement? processing = new(ns + "qti-response-processing", new XAttribute("template", TemplateBase + "match_correct.xml"));
        XElement Decl(string id, string cardinality, string baseType, IEnumerable<string> correct, XElement? mapping = null) =>
            new(ns + "qti-response-declaration", new XAttribute("identifier", id), new XAttribute("cardinality", cardinality), new XAttribute("base-type", baseType),
                new XElement(ns + "qti-correct-response", correct.Select(c => new XElement(ns + "qti-value", Safe(c)))), mapping);
        string Choice(int i) => "c" + (i + 1).ToString(CultureInfo.InvariantCulture);
        string? feedback = null; // the cardinality of the FEEDBACK outcome, when options carry inline feedback
        switch (q.Type)
        {
            case QuestionType.Single or QuestionType.Multiple:
            {
                var single = q.Type == QuestionType.Single;
                XElement? mapping = null;
                if (q.Options.Any(o => o.Weight is not null))
                {
                    mapping = new XElement(ns + "qti-mapping", new XAttribute("default-value", "0"), new XAttribute("lower-bound", "0"), new XAttribute("upper-bound", "100"),
                        q.Options.Select((o, i) => new XElement(ns + "qti-map-entry", new XAttribute("map-key", Choice(i)),
                            new XAttribute("mapped-value", ChoiceWeights.Of(q, o).ToString(CultureInfo.InvariantCulture)))));
                    processing = new XElement(ns + "qti-response-processing", new XAttribute("template", TemplateBase + "map_response.xml"));
                }
                decls.Add(Decl("RESPONSE", single ? "single" : "multiple", "identifier",
                    q.Options.Select((o, i) => (o, i)).Where(x => x.o.Correct).Select(x => Choice(x.i)), mapping));
                if (q.Options.Any(o => o.Feedback is { Length: > 0 }))
                {
                    // Inline feedback shows when FEEDBACK holds the choice's identifier: declare it like RESPONSE and copy
                    // the response into it. A template cannot do that, so the template's scoring is written out.
                    feedback = single ? "single" : "multiple";
                    processing = ChoiceProcessing(ns, mapping is not null);
                }
                body.Add(Stem(Paragraphs(ns, q.Stem)));
                body.Add(new XElement(ns + "qti-choice-interaction", new XAttribute("response-identifier", "RESPONSE"),
                    new XAttribute("max-choices", single ? "1" : "0"), new XAttribute("shuffle", "false"),
                    q.Options.Select((o, i) => new XElement(ns + "qti-simple-choice", new XAttribute("identifier", Choice(i)), Safe(o.Text), Img(o.Image),
                        o.Feedback is { Length: > 0 } f
                            ? new XElement(ns + "qti-feedback-inline", new XAttribute("outcome-identifier", FeedbackOutcome), new XAttribute("identifier", Choice(i)),
                                new XAttribute("show-hide", "show"), Safe(f))
                            : null))));
                break;
            }
            case QuestionType.TrueFalse:
                decls.Add(Decl("RESPONSE", "single", "identifier", q.TrueFalseAnswer is { } a ? [a ? "true" : "false"] : []));
                body.Add(Stem(Paragraphs(ns, q.Stem)));
                body.Add(new XElement(ns + "qti-choice-interaction", new XAttribute("response-identifier", "RESPONSE"), new XAttribute("max-choices", "1"),
                    new XElement(ns + "qti-simple-choice", new XAttribute("identifier", "true"), "正确"),
                    new XElement(ns + "qti-simple-choice", new XAttribute("identifier", "false"), "错误")));
                break;
            case QuestionType.Fill:
            {
                for (var b = 0; b < q.Blanks.Count; b++)
                {
                    var accepted = q.Blanks[b];
                    decls.Add(Decl($"RESPONSE_{b + 1}", "single", "string", accepted.Take(1),
                        new XElement(ns + "qti-mapping", new XAttribute("default-value", "0"),
                            accepted.Select(a => new XElement(ns + "qti-map-entry", new XAttribute("map-key", Safe(a)), new XAttribute("mapped-value", "1"))))));
                }
                body.Add(Stem(Paragraphs(ns, q.Stem, FillLine)));
                processing = new XElement(ns + "qti-response-processing",
                    new XElement(ns + "qti-set-outcome-value", new XAttribute("identifier", "SCORE"),
                        new XElement(ns + "qti-sum", Enumerable.Range(1, q.Blanks.Count).Select(b =>
                            new XElement(ns + "qti-map-response", new XAttribute("identifier", $"RESPONSE_{b}"))))));
                break;
            }
            case QuestionType.Matching:
                decls.Add(Decl("RESPONSE", "multiple", "directedPair", q.Pairs.Select((_, i) => $"l{i + 1} r{i + 1}")));
                body.Add(Stem(Paragraphs(ns, q.Stem)));
                body.Add(new XElement(ns + "qti-match-interaction", new XAttribute("response-identifier", "RESPONSE"),
                    new XAttribute("max-associations", q.Pairs.Count.ToString(CultureInfo.InvariantCulture)), new XAttribute("shuffle", "true"),
                    new XElement(ns + "qti-simple-match-set", q.Pairs.Select((p, i) => new XElement(ns + "qti-simple-associable-choice",
                        new XAttribute("identifier", $"l{i + 1}"), new XAttribute("match-max", "1"), Safe(p.Left)))),
                    new XElement(ns + "qti-simple-match-set", q.Pairs.Select((p, i) => new XElement(ns + "qti-simple-associable-choice",
                        new XAttribute("identifier", $"r{i + 1}"), new XAttribute("match-max", "1"), Safe(p.Right))))));
                break;
            case QuestionType.Ordering:
                decls.Add(Decl("RESPONSE", "ordered", "identifier", q.Items.Select((_, i) => Choice(i))));
                body.Add(Stem(Paragraphs(ns, q.Stem)));
                body.Add(new XElement(ns + "qti-order-interaction", new XAttribute("response-identifier", "RESPONSE"), new XAttribute("shuffle", "true"),
                    q.Items.Select((t, i) => new XElement(ns + "qti-simple-choice", new XAttribute("identifier", Choice(i)), Safe(t)))));
                break;
            default: // Essay
                decls.Add(new XElement(ns + "qti-response-declaration", new XAttribute("identifier", "RESPONSE"), new XAttribute("cardinality", "single"),
                    new XAttribute("base-type", "string")));
                if (q.Rubric.Length > 0)
                    body.Add(new XElement(ns + "qti-rubric-block", new XAttribute("use", "scoring"), new XAttribute("view", "scorer"),
                        new XElement(ns + "qti-content-body", Paragraphs(ns, q.Rubric))));
                body.Add(Stem(Paragraphs(ns, q.Stem)));
                body.Add(new XElement(ns + "qti-extended-text-interaction", new XAttribute("response-identifier", "RESPONSE")));
                processing = null;
                break;
        }
        var points = q.Points.ToString(CultureInfo.InvariantCulture);
        var item = new XElement(ns + "qti-assessment-item",
            new XAttribute("identifier", identifier), new XAttribute("title", Safe(q.Title ?? q.Id)),
            new XAttribute("adaptive", "false"), new XAttribute("time-dependent", "false"), new XAttribute(XNamespace.Xml + "lang", "zh-CN"),
            decls,
            new XElement(ns + "qti-outcome-declaration", new XAttribute("identifier", "SCORE"), new XAttribute("cardinality", "single"), new XAttribute("base-type", "float")),
            new XElement(ns + "qti-outcome-declaration", new XAttribute("identifier", "MAXSCORE"), new XAttribute("cardinality", "single"), new XAttribute("base-type", "float"),
                new XElement(ns + "qti-default-value", new XElement(ns + "qti-value", points))),
            feedback is not null
                ? new XElement(ns + "qti-outcome-declaration", new XAttribute("identifier", FeedbackOutcome), new XAttribute("cardinality", feedback), new XAttribute("base-type", "identifier"))
                : null,
            q.Explanation.Length > 0
                ? new XElement(ns + "qti-outcome-declaration", new XAttribute("identifier", "FEEDBACKMODAL"), new XAttribute("cardinality", "single"), new XAttribute("base-type", "identifier"))
                : null,
            body,
            processing,
            q.Explanation.Length > 0
                ? new XElement(ns + "qti-modal-feedback", new XAttribute("outcome-identifier", "FEEDBACKMODAL"), new XAttribute("show-hide", "hide"),
                    new XAttribute("identifier", "EXPLANATION"), new XElement(ns + "qti-content-body", Paragraphs(ns, q.Explanation)))
                : null);
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), item);

        IEnumerable<object> FillLine(string lineText)
        {
            var parts = new List<object>();
            var last = 0;
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(lineText, @"\{\{(\d+)\}\}"))
            {
                if (m.Index > last) parts.Add(Safe(lineText[last..m.Index]));
                parts.Add(new XElement(ns + "qti-text-entry-interaction", new XAttribute("response-identifier", "RESPONSE_" + m.Groups[1].Value)));
                last = m.Index + m.Length;
            }
            if (last < lineText.Length) parts.Add(Safe(lineText[last..]));
            return parts;
        }
    }
}
