using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using CertPlatform.Web.Content;
using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>
/// Moodle XML (qformat_xml, https://docs.moodle.org/en/Moodle_XML_format) to and from domain questions.
/// Pure: no database, no HTTP.
///
/// <para><b>Mapping.</b>
/// multichoice single="true" ↔ Single, single="false" ↔ Multiple (an answer with a positive fraction is
/// correct; on export correct answers get 100/k, wrong ones −100/k, which is our partial-credit rule);
/// truefalse ↔ TrueFalse; shortanswer ↔ Fill with one blank (answers with fraction 100 are the
/// accepted answers; <c>{{1}}</c> is appended to the stem when absent); matching ↔ Matching
/// (subquestion = left, its answer = right); ordering (qtype_ordering plugin: answers in document order
/// are the correct order; exported with gradingtype RELATIVE_NEXT_EXCLUDE_LAST = our rule) ↔ Ordering;
/// essay ↔ Essay (graderinfo = rubric); <c>&lt;name&gt;</c> ↔ id (kept when it is a valid id, unused so
/// far in the file, otherwise a stable id "mdl-" + hash of type, name and text);
/// <c>&lt;generalfeedback&gt;</c> ↔ explanation; <c>&lt;defaultgrade&gt;</c> ↔ points;
/// <c>&lt;question type="category"&gt;</c> sets the category of the following questions (the Moodle
/// context prefix <c>$course$/</c> and the <c>top/</c> level are removed on import, added on export).</para>
///
/// <para><b>Metadata</b> travels in Moodle's own <c>&lt;tags&gt;</c>, which survive a trip through Moodle:
/// <c>certplatform:difficulty=3</c>, <c>certplatform:lesson=…</c>, <c>certplatform:anchor=…</c>,
/// <c>certplatform:status=draft</c>, <c>certplatform:case=&lt;case id&gt;</c> (a case part); any other tag is a
/// plain tag, and a plain tag that itself starts with "certplatform:" is written as
/// <c>certplatform:tag=…</c>. Without a status tag, <c>&lt;hidden&gt;1&lt;/hidden&gt;</c> means draft. Moodle's
/// <c>&lt;coursetags&gt;</c> are read as plain tags too; tags are cleaned like the editor's (trimmed, each once, no blank
/// ones). The fields are <see cref="FormatMetadata"/>'s, the bag GIFT and QTI carry as JSON: read into one, laid over
/// the question with <see cref="FormatMetadata.ApplyTo"/>, written from <see cref="FormatMetadata.Of"/>.</para>
///
/// <para><b>Types without a Moodle equivalent</b> are written so that Moodle shows harmless text and our
/// parser restores them exactly: a fill-in with several blanks and a case are written as
/// <c>type="description"</c> (not graded by Moodle) with an extension element
/// <c>&lt;certplatform type="fill"&gt;&lt;blank&gt;&lt;text&gt;alternative&lt;/text&gt;…&lt;/blank&gt;…&lt;/certplatform&gt;</c>
/// or <c>&lt;certplatform type="case"&gt;&lt;stem&gt;&lt;text&gt;instruction&lt;/text&gt;&lt;/stem&gt;&lt;/certplatform&gt;</c>
/// (the case's question text is its scenario). Moodle's importer ignores unknown elements. Case parts follow
/// the case as ordinary questions tagged <c>certplatform:case=&lt;case id&gt;</c>, so Moodle users get usable
/// questions and our parser attaches them to their case again (by id, wherever they stand in the file).
/// Moodle itself drops unknown elements: a file exported again from Moodle has lost the extension, so
/// such a description is skipped, and so are parts whose case is not in the file.</para>
///
/// <para><b>Text.</b> Export writes every text with <c>format="plain_text"</c>, XML-escaped (no CDATA, no
/// HTML): Moodle shows it verbatim. On import plain_text is taken verbatim; markdown and wiki_like are
/// taken as written (trimmed); html (the default when no format is given) and moodle_auto_format are
/// converted to plain text: tags are removed (script/style with their content), block ends and
/// <c>&lt;br&gt;</c> become line breaks, images become "[图片]", entities are decoded, whitespace collapsed.
/// Characters XML 1.0 cannot carry (control characters other than tab/CR/LF) are dropped on export.</para>
///
/// <para><b>Lossy for foreign files:</b> per-answer feedback, hints, combined feedback, penalties, images and
/// attached files, shortanswer answers with partial credit (0 &lt; fraction &lt; 100) and case sensitivity,
/// Moodle's own grading weights (we grade with our rules), matching distractors (extra answers without a
/// subquestion), ordering display options, essay response settings. Unsupported types (numerical,
/// calculated*, cloze/multianswer, ddwtos, gapselect, random…, and descriptions without our extension) are
/// reported as skipped.</para>
///
/// <para><b>Safety.</b> DTDs are prohibited (a document with <c>&lt;!DOCTYPE</c> is rejected before any entity is
/// read), nothing is resolved externally, and the input is limited to <see cref="ImportLimits.MaxBytes"/>
/// bytes and <see cref="ImportLimits.MaxQuestions"/> questions.</para>
/// </summary>
public static partial class MoodleXmlFormat
{
    /// <summary>Prefix of the tags that carry our metadata.</summary>
    public const string TagPrefix = "certplatform:";
    /// <summary>Name of the extension element for types Moodle lacks.</summary>
    public const string Extension = "certplatform";

    private const string PlainText = "plain_text";
    private static readonly ImportTexts L = ImportTexts.Instance;

    // ------------------------------------------------------------------ import

    public static ImportResult Parse(string fileName, Stream xml, ImageLimits? images = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var result = new ImportResult();
        var bytes = ReadLimited(xml, ImportLimits.MaxBytes);
        if (bytes is null)
        {
            result.Issues.Add(new ImportIssue(fileName, 1, ImportLimits.TooLarge(null), false));
            return result;
        }
        XDocument doc;
        try
        {
            doc = Load(bytes);
        }
        catch (XmlException ex)
        {
            result.Issues.Add(DoctypeLine(bytes) is { } dtdLine && (dtdLine == ex.LineNumber || ex.LineNumber == 0)
                ? new ImportIssue(fileName, dtdLine, L["文件包含 DTD 声明（<!DOCTYPE …>），出于安全原因拒绝导入：Moodle XML 不需要 DTD，请删除该声明后重试"], false)
                : ex.LineNumber == 0
                    ? new ImportIssue(fileName, 1, L["不是有效的 XML 文件：{0}", ex.Message], false)
                    : new ImportIssue(fileName, ex.LineNumber, L["XML 格式错误（第 {0} 行第 {1} 列）：{2}", ex.LineNumber, ex.LinePosition, ex.Message], false));
            return result;
        }
        var root = doc.Root;
        if (root is null || root.Name.LocalName != "quiz")
        {
            result.Issues.Add(new ImportIssue(fileName, root is null ? 1 : LineOf(root), L["不是 Moodle XML 文件：根元素应为 <quiz>"], false));
            return result;
        }
        new Importer(fileName, result, new FormatImages(images ?? ImageLimits.Default)).Run(root);
        return result;
    }

    /// <summary>
    /// Loads untrusted XML with line information: DTDs prohibited (a document with one throws), no resolver,
    /// at most <see cref="ImportLimits.MaxBytes"/> characters. Shared by every XML importer.
    /// </summary>
    internal static XDocument Load(byte[] bytes)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = ImportLimits.MaxBytes,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        using var stream = new MemoryStream(bytes, writable: false);
        using var reader = XmlReader.Create(stream, settings);
        return XDocument.Load(reader, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
    }

    /// <summary>Line of a <c>&lt;!DOCTYPE</c> before the root element, if the document has one.</summary>
    private static int? DoctypeLine(byte[] bytes)
    {
        string text;
        try
        {
            using var sr = new StreamReader(new MemoryStream(bytes, writable: false), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            text = sr.ReadToEnd();
        }
        catch (DecoderFallbackException) { return null; }
        var at = text.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
        if (at < 0) return null;
        var firstElement = FirstElementStart(text);
        if (firstElement >= 0 && firstElement < at) return null;
        return 1 + text.AsSpan(0, at).Count('\n');
    }

    private static int FirstElementStart(string text)
    {
        for (var i = 0; i < text.Length - 1; i++)
            if (text[i] == '<' && (char.IsLetter(text[i + 1]) || text[i + 1] == '_')) return i;
        return -1;
    }

    internal static byte[]? ReadLimited(Stream input, long max)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        long total = 0;
        int n;
        while ((n = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            total += n;
            if (total > max) return null;
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    private static int LineOf(XObject o) => o is IXmlLineInfo li && li.HasLineInfo() ? li.LineNumber : 0;

    private sealed class Importer(string file, ImportResult result, FormatImages images)
    {
        private sealed class Entry(Question question, int line, string? category)
        {
            public Question Question { get; set; } = question;
            public int Line { get; } = line;
            public string? Category { get; } = category;
            public List<Question> Parts { get; } = [];
            public List<ImportIssue> Notes { get; init; } = [];
            /// <summary>The pool the file names (certplatform:pool=…), null when it names none.</summary>
            public QuestionPool? Pool { get; init; }
        }

        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
        private readonly List<Entry> _entries = [];
        private readonly Dictionary<string, Entry> _cases = new(StringComparer.Ordinal);
        private readonly List<(Question Part, int Line, string CaseId)> _parts = [];
        private string? _category;

        private void Error(int line, ImportText message) => result.Issues.Add(new ImportIssue(file, line, message, false));
        private void Skip(int line, ImportText message) => result.Issues.Add(new ImportIssue(file, line, message, true));
        private List<ImportIssue> _notes = [];
        private void Note(int line, ImportText message) => _notes.Add(new ImportIssue(file, line, message, true));

        public void Run(XElement root)
        {
            var count = 0;
            foreach (var el in root.Elements("question"))
            {
                var line = LineOf(el);
                var type = ((string?)el.Attribute("type") ?? "").Trim().ToLowerInvariant();
                if (type == "category")
                {
                    _category = ReadCategory(el);
                    continue;
                }
                if (++count > ImportLimits.MaxQuestions)
                {
                    Error(line, L["文件中的题目超过单次导入 {0} 道的上限，请拆分后分批导入", ImportLimits.MaxQuestions]);
                    return;
                }
                ReadQuestion(el, type, line);
            }
            // Parts join their case by id wherever they stand in the file.
            foreach (var (part, line, caseId) in _parts)
            {
                if (!_cases.TryGetValue(caseId, out var parent))
                    Skip(line, L["题目 {0} 是案例“{1}”的小题，但文件中没有可导入的该案例（Moodle 导出时可能丢失了案例），已跳过", part.Id, Shorten(caseId)]);
                else if (parent.Parts.Any(p => p.Id == part.Id))
                    Error(line, L["案例 {0} 中小题编号 {1} 重复", caseId, part.Id]);
                else parent.Parts.Add(part);
            }
            foreach (var entry in _entries)
            {
                var q = entry.Question;
                if (q.Type == QuestionType.Case)
                {
                    q = q with { Parts = entry.Parts };
                    var problems = q.Validate();
                    if (problems.Count > 0)
                    {
                        foreach (var p in problems) Error(entry.Line, L["题目 {0}：{1}", q.Id, Describe(p)]);
                        continue;
                    }
                }
                result.Questions.Add(new ImportedQuestion(q, entry.Line, entry.Category) { Notes = entry.Notes, Images = images.For(q), Pool = entry.Pool });
            }
            if (count == 0 && result.Issues.Count == 0) Error(LineOf(root), L["文件中没有题目"]);
        }

        private static string? ReadCategory(XElement el)
        {
            var c = el.Element("category");
            if (c is null) return null;
            var path = (c.Element("text")?.Value ?? c.Value).Trim();
            return CategoryFromMoodle(path);
        }

        private void ReadQuestion(XElement el, string type, int line)
        {
            var questionText = el.Element("questiontext");
            var textFormat = (string?)questionText?.Attribute("format") ?? "html";
            var name = (el.Element("name")?.Element("text")?.Value ?? "").Trim();
            var label = name.Length > 0 ? $"“{Shorten(name)}”" : "";

            var ext = el.Element(Extension);
            var extType = ((string?)ext?.Attribute("type") ?? "").Trim().ToLowerInvariant();
            var kind = type switch
            {
                "multichoice" => (QuestionType?)null,
                "truefalse" => QuestionType.TrueFalse,
                "shortanswer" => QuestionType.Fill,
                "matching" or "match" => QuestionType.Matching,
                "ordering" => QuestionType.Ordering,
                "essay" => QuestionType.Essay,
                "description" when extType == "fill" => QuestionType.Fill,
                "description" when extType == "case" => QuestionType.Case,
                _ => (QuestionType?)null,
            };
            if (type == "multichoice")
                kind = IsTrue((string?)el.Element("single") ?? "true") ? QuestionType.Single : QuestionType.Multiple;
            if (kind is not { } qtype)
            {
                Skip(line, type switch
                {
                    "" => L["题目{0}缺少 type 属性，已跳过", label],
                    "description" => L["说明文字{0}（description）不是题目，已跳过", label],
                    "cloze" or "multianswer" => L["题目{0}是完形填空（cloze），平台不支持此题型，已跳过", label],
                    _ => L["题目{0}的题型“{1}”平台不支持，已跳过", label, Shorten(type)],
                });
                return;
            }

            var rawText = questionText?.Element("text")?.Value ?? "";
            // The id: Moodle's idnumber, else the name, when a valid id not used before in the file; else derived
            // from type, name and text (never from the file name or position).
            var idNumber = (el.Element("idnumber")?.Value ?? "").Trim();
            var id = IsValidId(idNumber) && !_ids.Contains(idNumber) ? idNumber : name;
            if (!IsValidId(id) || _ids.Contains(id))
                id = GeneratedId(type, name, rawText);
            _ids.Add(id);
            _notes = [];

            var stemImage = qtype == QuestionType.Case ? null : CarryImage(questionText, id);
            var stem = ReadText(questionText, "html");
            var before = result.Issues.Count;
            var meta = ReadMeta(el, id);
            var points = qtype == QuestionType.Essay ? 10m : 1m;
            if (el.Element("defaultgrade") is { } grade)
            {
                if (decimal.TryParse(grade.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var g)) points = Normalize(g);
                else Error(LineOf(grade), L["题目 {0}：defaultgrade“{1}”不是数字", id, Shorten(grade.Value.Trim())]);
            }
            var hidden = IsTrue(((string?)el.Element("hidden") ?? "0").Trim());

            // A foreign file's category becomes a tag (our own exports carry the lesson and tags instead).
            if (!meta.Ours) meta.Bag.AddCategory(_category);
            var q = meta.Bag.ApplyTo(new Question
            {
                Id = id, Type = qtype, Stem = stem, Title = name.Length > 0 && name != id ? name : null,
                Explanation = ReadText(el.Element("generalfeedback"), textFormat),
                Difficulty = 3,
                LessonId = "",
                Status = hidden ? QuestionStatus.Draft : QuestionStatus.Ready,
                Points = points,
                StemImage = stemImage,
                Pool = QuestionPool.Practice,
            });
            var answers = el.Elements("answer").ToList();
            switch (qtype)
            {
                case QuestionType.Single or QuestionType.Multiple:
                    var single = qtype == QuestionType.Single;
                    var answerImages = answers.Select(a => CarryImage(a, id)).ToList();
                    var options = answers.Select((a, i) => new ChoiceOption(ReadText(a, textFormat), single ? Fraction(a) >= 100 : Fraction(a) > 0,
                        Image: answerImages[i], Feedback: ReadText(a.Element("feedback"), textFormat) is { Length: > 0 } fb ? fb : null)).ToList();
                    if (single && options.Count(o => o.Correct) == 0 && answers.Count > 0 && answers.Max(Fraction) > 0)
                        options = options.Select((o, i) => o with { Correct = Fraction(answers[i]) == answers.Max(Fraction) }).ToList();
                    q = q with { Options = ChoiceWeights.Apply(options, answers.Select(Fraction).ToList(), single) };
                    break;
                case QuestionType.TrueFalse:
                    q = q with { TrueFalseAnswer = TrueFalse(answers) };
                    break;
                case QuestionType.Fill when type == "shortanswer":
                    var accepted = answers.Where(a => Fraction(a) >= 100).Select(a => a.Element("text")?.Value ?? "").ToList();
                    foreach (var partial in answers.Where(a => Fraction(a) is > 0 and < 100))
                        Note(LineOf(partial), L["填空答案“{0}”只得部分分（{1}%）：平台的填空题只有全对的答案，已舍去", partial.Element("text")?.Value ?? "", Fraction(partial)]);
                    if (!FillText.BlankNumbers(stem).Contains(1)) stem = AppendBlankMark(stem);
                    q = q with { Stem = stem, Blanks = [accepted] };
                    if (accepted.Count == 0)
                    {
                        Error(line, L["题目 {0}：简答题（shortanswer）没有得分为 100% 的答案，无法作为填空题导入", id]);
                        return;
                    }
                    break;
                case QuestionType.Fill:
                    q = q with
                    {
                        Blanks = ext!.Elements("blank").Select(b => (IReadOnlyList<string>)b.Elements("text").Select(t => t.Value).ToList()).ToList(),
                    };
                    break;
                case QuestionType.Matching:
                    var pairs = el.Elements("subquestion")
                        .Select(s => (Line: LineOf(s), Pair: new MatchPair(ReadText(s, textFormat), s.Element("answer")?.Element("text")?.Value ?? ""))).ToList();
                    foreach (var d in pairs.Where(p => p.Pair.Left.Length == 0 && p.Pair.Right.Length > 0))
                        Note(d.Line, L["连线题的干扰项“{0}”平台不支持，已舍去（其余配对照常导入）", d.Pair.Right]);
                    q = q with { Pairs = pairs.Where(p => p.Pair.Left.Length > 0).Select(p => p.Pair).ToList() };
                    break;
                case QuestionType.Ordering:
                    q = q with { Items = answers.Select(a => ReadText(a, textFormat)).ToList() };
                    break;
                case QuestionType.Essay:
                    q = q with { Rubric = ReadText(el.Element("graderinfo"), textFormat) };
                    if (q.Rubric.Trim().Length == 0 && meta.Bag.Status is null)
                    {
                        q = q with { Status = QuestionStatus.Draft };
                        Note(line, L["问答题没有评分要点（graderinfo）：以草稿导入，补充评分要点后再启用"]);
                    }
                    break;
                case QuestionType.Case:
                    q = q with { Scenario = stem, Stem = ReadText(ext!.Element("stem"), PlainText) };
                    break;
            }
            if (result.Issues.Count > before) return;

            if (meta.CaseId is { } caseId)
            {
                var partProblems = q.Validate(isPart: true);
                if (partProblems.Count > 0)
                {
                    foreach (var p in partProblems) Error(line, L["案例 {0} 的小题 {1}：{2}", Shorten(caseId), id, Describe(p)]);
                    return;
                }
                _parts.Add((q, line, caseId));
                return;
            }
            if (qtype != QuestionType.Case)
            {
                var problems = q.Validate();
                if (problems.Count > 0)
                {
                    foreach (var p in problems) Error(line, L["题目 {0}：{1}", id, Describe(p)]);
                    return;
                }
            }
            if (el.Descendants("file").Any(f => f.Parent != questionText && (f.Parent?.Name != "answer" || !q.Options.Any(o => o.Image is not null))))
                Note(line, L["反馈、评分要点等处附带的图片平台不保存（只保存题干和选项的图片）"]);
            if (el.Elements("hint").Any(h => (h.Element("text")?.Value ?? "").Trim().Length > 0))
                Note(line, L["提示（hint）平台不保存"]);
            var entry = new Entry(q, line, _category) { Notes = _notes, Pool = meta.Bag.Pool };
            _entries.Add(entry);
            if (qtype == QuestionType.Case) _cases[id] = entry;
        }

        /// <summary>
        /// The image a text holder (questiontext, answer) shows: the first <c>&lt;img src="@@PLUGINFILE@@/name"&gt;</c>
        /// in its text, read from the holder's <c>&lt;file name="name" encoding="base64"&gt;</c>. The tag is removed from the
        /// text (the platform shows the image beside it); further images are reported as not kept; a reference without
        /// its file, bad base64, SVG, a non-image or an oversized image is an error naming the question and line.
        /// </summary>
        private string? CarryImage(XElement? holder, string id)
        {
            if (holder?.Element("text") is not { } text) return null;
            var source = HtmlSource(text);
            var refs = PluginFileImage().Matches(source);
            if (refs.Count == 0) return null;
            var line = LineOf(text);
            if (refs.Count > 1) Note(line, L["题目 {0}：这段文字有 {1} 张图片，平台只保存第一张", id, refs.Count]);
            var first = refs[0];
            var name = Uri.UnescapeDataString(first.Groups[1].Value);
            var stored = holder.Elements("file").FirstOrDefault(f =>
                ((string?)f.Attribute("path") ?? "/").Trim('/') is var folder && (folder.Length == 0 ? "" : folder + "/") + ((string?)f.Attribute("name") ?? "") == name);
            if (stored is null)
            {
                Error(line, L["题目 {0}：图片“{1}”（@@PLUGINFILE@@）在文件中没有对应的 <file> 元素", id, FormatImages.SafeName(name)]);
                return null;
            }
            byte[] bytes;
            try { bytes = Convert.FromBase64String(string.Concat(stored.Value.Where(c => !char.IsWhiteSpace(c)))); }
            catch (FormatException)
            {
                Error(LineOf(stored), L["题目 {0}：图片“{1}”的 base64 内容无效", id, FormatImages.SafeName(name)]);
                return null;
            }
            if (images.Accept(file, LineOf(stored), id, name, bytes, result) is not { } image) return null;
            text.ReplaceNodes(new XText(source.Remove(first.Index, first.Length)));
            return image.Sha256;
        }

        /// <summary>
        /// What the question's tags say: <see cref="Bag"/> holds the metadata fields (<see cref="FormatMetadata.Of"/>'s:
        /// difficulty, lesson, anchor, status, pool, tags — the plain tags of <c>&lt;tags&gt;</c> and Moodle's
        /// <c>&lt;coursetags&gt;</c>, cleaned by <see cref="FormatMetadata.CleanTags"/>); <see cref="Ours"/>: the question
        /// carries certplatform: tags (written by this platform).
        /// </summary>
        private sealed record Meta(FormatMetadata Bag, string? CaseId, bool Ours);

        private Meta ReadMeta(XElement el, string id)
        {
            var bag = new FormatMetadata();
            string? caseId = null;
            var tags = new List<string>();
            var ours = false;
            foreach (var tag in new[] { "tags", "coursetags" }.SelectMany(n => el.Element(n)?.Elements("tag") ?? []))
            {
                var text = tag.Element("text")?.Value ?? tag.Value;
                if (!text.StartsWith(TagPrefix, StringComparison.Ordinal))
                {
                    tags.Add(text);
                    continue;
                }
                ours = true;
                var body = text[TagPrefix.Length..];
                var eq = body.IndexOf('=');
                var key = (eq < 0 ? body : body[..eq]).Trim().ToLowerInvariant();
                var value = eq < 0 ? "" : body[(eq + 1)..];
                var tagLine = LineOf(tag);
                switch (key)
                {
                    case "difficulty":
                        if (int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 5) bag.Difficulty = d;
                        else Error(tagLine, L["题目 {0}：难度“{1}”无效，应为 1–5 的整数", id, Shorten(value)]);
                        break;
                    case "lesson": bag.LessonId = value; break;
                    case "anchor": bag.Anchor = value; break;
                    case "status":
                        if (Enum.TryParse<QuestionStatus>(value.Trim(), ignoreCase: true, out var s) && Enum.IsDefined(s)) bag.Status = s;
                        else Error(tagLine, L["题目 {0}：状态“{1}”无效，应为 ready、draft 或 retired", id, Shorten(value)]);
                        break;
                    case "case": caseId = value.Trim(); break;
                    case "pool":
                        bag.Pool = PoolTag.Parse(value);
                        if (bag.Pool is null) Error(tagLine, L["题目 {0}：题池“{1}”无效，应为 practice 或 secure", id, Shorten(value)]);
                        break;
                    case "tag": tags.Add(value); break;
                    default: break; // a newer exporter's key: ignored
                }
            }
            bag.Tags = FormatMetadata.CleanTags(tags);
            return new Meta(bag, caseId, ours);
        }

        private static bool? TrueFalse(List<XElement> answers)
        {
            // As Moodle does: match on the answer text; old files with localised texts are true first, then false.
            bool? answer = null;
            var first = true;
            foreach (var a in answers)
            {
                var text = (a.Element("text")?.Value ?? "").Trim().ToLowerInvariant();
                if (text is not ("true" or "false")) text = first ? "true" : "false";
                var full = Fraction(a) >= 100;
                answer = text == "true" ? full : !full;
                first = false;
            }
            return answer;
        }
    }

    /// <summary>Appends the mark of a single blank, after a space unless the stem ends in whitespace or CJK text.</summary>
    internal static string AppendBlankMark(string stem) =>
        stem.Length == 0 || char.IsWhiteSpace(stem[^1]) || stem[^1] >= '\u2E80' ? stem + "{{1}}" : stem + " {{1}}";

    private static ImportText Describe(string domainProblem) => QuestionProblems.Describe(domainProblem);

    private static decimal Fraction(XElement answer) =>
        decimal.TryParse(((string?)answer.Attribute("fraction") ?? "0").Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var f) ? f : 0m;

    private static bool IsTrue(string s) => s.Trim().ToLowerInvariant() is "true" or "1" or "yes";

    private static bool IsValidId(string id) => id.Length is > 0 and <= 120 && LessonParser.IsValidId(id);

    private static string GeneratedId(string type, string name, string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{type}\n{name}\n{text}"));
        return "mdl-" + Convert.ToHexStringLower(hash)[..12];
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";

    [System.Text.RegularExpressions.GeneratedRegex(@"<img\b[^>]*?\bsrc\s*=\s*[""']@@PLUGINFILE@@/([^""'?#]+)[^""']*[""'][^>]*>", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PluginFileImage();

    /// <summary>Removes trailing zeros (Moodle writes "1.0000000").</summary>
    private static decimal Normalize(decimal d) => d / 1.0000000000000000000000000000m;

    /// <summary>The text of a Moodle text holder (questiontext, answer, …) as plain text, honouring its format.</summary>
    private static string ReadText(XElement? holder, string defaultFormat)
    {
        if (holder is null) return "";
        var format = ((string?)holder.Attribute("format") ?? defaultFormat).Trim().ToLowerInvariant();
        var text = holder.Element("text");
        if (text is null) return "";
        return format switch
        {
            PlainText => text.Value,
            "markdown" or "wiki_like" => text.Value.Trim(),
            "moodle_auto_format" => HtmlToText.Convert(HtmlSource(text), newlinesAreBreaks: true),
            _ => HtmlToText.Convert(HtmlSource(text), newlinesAreBreaks: false),
        };
    }

    /// <summary>HTML source of a <c>&lt;text&gt;</c>: its text (CDATA or escaped), or its markup when HTML was written unescaped.</summary>
    private static string HtmlSource(XElement text) =>
        !text.HasElements ? text.Value
            : string.Concat(text.Nodes().Select(n => n is XCData c ? c.Value : n.ToString(SaveOptions.DisableFormatting)));

    internal static string? CategoryFromMoodle(string path)
    {
        if (path.Length == 0) return null;
        var parts = path.Split('/').ToList();
        if (parts.Count > 0 && parts[0].StartsWith('$') && parts[0].EndsWith('$')) parts.RemoveAt(0);
        if (parts.Count > 0 && parts[0] == "top") parts.RemoveAt(0);
        var rest = string.Join('/', parts);
        return rest.Length == 0 ? null : rest;
    }

    private static string CategoryToMoodle(string? category) => category is null ? "$course$/top" : "$course$/top/" + category;

    // ------------------------------------------------------------------ export

    /// <summary>
    /// The Moodle XML of <paramref name="questions"/>. A stem or option image found in <paramref name="images"/> is written as
    /// Moodle does: the text in HTML with <c>&lt;img src="@@PLUGINFILE@@/name"&gt;</c> and the bytes in a base64 <c>&lt;file&gt;</c>.
    /// </summary>
    public static string Write(IEnumerable<Question> questions, Func<Question, string?>? category = null, IReadOnlyDictionary<string, ImportedImage>? images = null)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Entitize,
            Encoding = new UTF8Encoding(false),
        };
        var sw = new Utf8StringWriter();
        using (var w = XmlWriter.Create(sw, settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("quiz");
            string? current = null;
            foreach (var q in questions)
            {
                var cat = category?.Invoke(q);
                if (string.IsNullOrEmpty(cat)) cat = null;
                if (cat != current)
                {
                    // A question without a category after categorised ones goes back to the top level.
                    current = cat;
                    w.WriteStartElement("question");
                    w.WriteAttributeString("type", "category");
                    w.WriteStartElement("category");
                    WriteTextElement(w, CategoryToMoodle(cat));
                    w.WriteEndElement();
                    w.WriteEndElement();
                }
                WriteQuestion(w, q, caseId: null, images);
                if (q.Type == QuestionType.Case)
                    foreach (var part in q.Parts) WriteQuestion(w, part, q.Id, images);
            }
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        return sw.ToString();
    }

    private sealed class Utf8StringWriter : StringWriter
    {
        public Utf8StringWriter() : base(CultureInfo.InvariantCulture) { }
        public override Encoding Encoding => new UTF8Encoding(false);
    }

    private static void WriteQuestion(XmlWriter w, Question q, string? caseId, IReadOnlyDictionary<string, ImportedImage>? images)
    {
        ImportedImage? Image(string? sha) => sha is not null && images is not null && images.TryGetValue(sha, out var i) ? i : null;
        var moodleType = q.Type switch
        {
            QuestionType.Single or QuestionType.Multiple => "multichoice",
            QuestionType.TrueFalse => "truefalse",
            QuestionType.Fill when q.Blanks.Count == 1 => "shortanswer",
            QuestionType.Matching => "matching",
            QuestionType.Ordering => "ordering",
            QuestionType.Essay => "essay",
            _ => "description",
        };
        w.WriteStartElement("question");
        w.WriteAttributeString("type", moodleType);
        w.WriteStartElement("name");
        WriteTextElement(w, q.Title ?? q.Id);
        w.WriteEndElement();
        WriteFormatted(w, "questiontext", q.Type == QuestionType.Case ? q.Scenario : q.Stem, q.Type == QuestionType.Case ? null : Image(q.StemImage));
        WriteFormatted(w, "generalfeedback", q.Explanation);
        w.WriteElementString("defaultgrade", q.Points.ToString(CultureInfo.InvariantCulture));
        w.WriteElementString("hidden", q.Status == QuestionStatus.Ready ? "0" : "1");
        w.WriteElementString("idnumber", q.Id);

        switch (moodleType)
        {
            case "multichoice":
                w.WriteElementString("single", q.Type == QuestionType.Single ? "true" : "false");
                w.WriteElementString("shuffleanswers", "true");
                w.WriteElementString("answernumbering", "ABCD");
                foreach (var o in q.Options)
                    WriteAnswer(w, FractionText(ChoiceWeights.Of(q, o)), o.Text, PlainText, feedbackText: o.Feedback ?? "", image: Image(o.Image));
                break;
            case "truefalse":
                WriteAnswer(w, q.TrueFalseAnswer == true ? "100" : "0", "true", "moodle_auto_format");
                WriteAnswer(w, q.TrueFalseAnswer == false ? "100" : "0", "false", "moodle_auto_format");
                break;
            case "shortanswer":
                w.WriteElementString("usecase", "0");
                foreach (var a in q.Blanks[0]) WriteAnswer(w, "100", a, "moodle_auto_format");
                break;
            case "matching":
                w.WriteElementString("shuffleanswers", "true");
                foreach (var p in q.Pairs)
                {
                    w.WriteStartElement("subquestion");
                    w.WriteAttributeString("format", PlainText);
                    WriteTextElement(w, p.Left);
                    w.WriteStartElement("answer");
                    WriteTextElement(w, p.Right);
                    w.WriteEndElement();
                    w.WriteEndElement();
                }
                break;
            case "ordering":
                w.WriteElementString("layouttype", "VERTICAL");
                w.WriteElementString("selecttype", "ALL");
                w.WriteElementString("selectcount", "0");
                w.WriteElementString("gradingtype", "RELATIVE_NEXT_EXCLUDE_LAST");
                w.WriteElementString("showgrading", "SHOW");
                for (var i = 0; i < q.Items.Count; i++)
                    WriteAnswer(w, (i + 1).ToString(CultureInfo.InvariantCulture), q.Items[i], PlainText, feedback: false);
                break;
            case "essay":
                w.WriteElementString("responseformat", "editor");
                w.WriteElementString("responserequired", "1");
                w.WriteElementString("responsefieldlines", "15");
                w.WriteElementString("attachments", "0");
                w.WriteElementString("attachmentsrequired", "0");
                WriteFormatted(w, "graderinfo", q.Rubric);
                WriteFormatted(w, "responsetemplate", "");
                break;
            default: // description carrying what Moodle cannot express
                w.WriteStartElement(Extension);
                w.WriteAttributeString("version", "1");
                if (q.Type == QuestionType.Fill)
                {
                    w.WriteAttributeString("type", "fill");
                    foreach (var blank in q.Blanks)
                    {
                        w.WriteStartElement("blank");
                        foreach (var alt in blank) WriteTextElement(w, alt);
                        w.WriteEndElement();
                    }
                }
                else
                {
                    w.WriteAttributeString("type", "case");
                    WriteFormatted(w, "stem", q.Stem);
                }
                w.WriteEndElement();
                break;
        }

        // The metadata every format writes (FormatMetadata.Of), as certplatform: tags beside the plain tags.
        var meta = FormatMetadata.Of(q);
        var tags = new List<string> { $"{TagPrefix}difficulty={meta.Difficulty!.Value.ToString(CultureInfo.InvariantCulture)}" };
        if (meta.LessonId is not null) tags.Add($"{TagPrefix}lesson={meta.LessonId}");
        if (meta.Anchor is not null) tags.Add($"{TagPrefix}anchor={meta.Anchor}");
        if (meta.Status != QuestionStatus.Ready) tags.Add($"{TagPrefix}status={meta.Status.ToString()!.ToLowerInvariant()}");
        if (caseId is null) tags.Add($"{TagPrefix}pool={PoolTag.Key(meta.Pool!.Value)}"); // a case part travels in its case's pool
        if (caseId is not null) tags.Add($"{TagPrefix}case={caseId}");
        foreach (var t in meta.Tags ?? []) tags.Add(t.StartsWith(TagPrefix, StringComparison.Ordinal) ? $"{TagPrefix}tag={t}" : t);
        w.WriteStartElement("tags");
        foreach (var t in tags)
        {
            w.WriteStartElement("tag");
            WriteTextElement(w, t);
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static string FractionText(decimal percent) =>
        Math.Round(percent, 5, MidpointRounding.AwayFromZero).ToString("0.#####", CultureInfo.InvariantCulture);

    private static void WriteAnswer(XmlWriter w, string fraction, string text, string format, bool feedback = true, string feedbackText = "", ImportedImage? image = null)
    {
        w.WriteStartElement("answer");
        w.WriteAttributeString("fraction", fraction);
        WriteBody(w, text, format, image);
        if (feedback) WriteFormatted(w, "feedback", feedbackText);
        w.WriteEndElement();
    }

    private static void WriteFormatted(XmlWriter w, string element, string text, ImportedImage? image = null)
    {
        w.WriteStartElement(element);
        WriteBody(w, text, PlainText, image);
        w.WriteEndElement();
    }

    /// <summary>The format attribute and text of a holder; with an image, HTML (lines joined by &lt;br&gt;) and the image's file.</summary>
    private static void WriteBody(XmlWriter w, string text, string format, ImportedImage? image)
    {
        if (image is null)
        {
            w.WriteAttributeString("format", format);
            WriteTextElement(w, text);
            return;
        }
        w.WriteAttributeString("format", "html");
        var html = string.Join("<br>", XmlSafe(text).Split('\n').Select(System.Net.WebUtility.HtmlEncode));
        WriteTextElement(w, $"<p>{html}</p><p><img src=\"@@PLUGINFILE@@/{Uri.EscapeDataString(image.ExportName)}\" alt=\"\"></p>");
        w.WriteStartElement("file");
        w.WriteAttributeString("name", image.ExportName);
        w.WriteAttributeString("path", "/");
        w.WriteAttributeString("encoding", "base64");
        w.WriteString(Convert.ToBase64String(image.Bytes));
        w.WriteEndElement();
    }

    private static void WriteTextElement(XmlWriter w, string text)
    {
        w.WriteStartElement("text");
        w.WriteString(XmlSafe(text));
        w.WriteFullEndElement(); // <text></text> as Moodle writes it, never <text />
    }

    /// <summary>Drops characters XML 1.0 cannot represent (control characters, lone surrogates).</summary>
    internal static string XmlSafe(string s) => Infrastructure.XmlText.Safe(s);
}
