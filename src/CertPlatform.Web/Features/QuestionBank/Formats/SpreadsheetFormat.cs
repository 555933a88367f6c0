using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CertPlatform.Web.Content;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Infrastructure;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>
/// The question template for office users: one question per row, CSV (UTF-8 or GB18030 as saved by Chinese
/// Excel; written as UTF-8 with BOM) or XLSX (first sheet). Pure: no database, no HTTP.
///
/// <para><b>Columns</b> (Chinese or English headers, any order; 题型, 题干 and 答案 are required):
/// 题号/id (empty: a stable id "q-" + hash of type and stem), 题型/type (单选 多选 判断 填空 问答 or
/// single multiple truefalse fill essay), 题干/stem, 选项A…选项J/A…J (the template shows A–F), 答案/answer,
/// 解析/explanation, 难度/difficulty (1–5, default 3), 分值/points (default 1, essays 10), 课程/lesson,
/// 锚点/anchor, 标签/tags (separated by 、 , ， ; ；), 状态/status (启用/草稿/停用 or ready/draft/retired).</para>
///
/// <para><b>答案</b> per type: choice letters (<c>B</c>, <c>ACD</c>, <c>A,C,D</c>; full-width letters are
/// fine); 对/错, 正确/错误, 是/否, √/×, true/false; fill: blanks separated by <c>|</c>, alternatives by
/// <c>/</c> (full-width ｜ ／ too; a literal one is written <c>\|</c> <c>\/</c>, a backslash <c>\\</c>),
/// e.g. <c>顾客总价值/总价值|顾客总成本</c>; essay: the rubric. A fill stem marks its blanks
/// <c>{{1}}</c>, <c>{{2}}</c>…; a stem without marks may use <c>____</c> or <c>（ ）</c> (one per blank, in
/// order), and a single blank without any placeholder is appended as <c>{{1}}</c>.</para>
///
/// <para>Matching, ordering and case questions cannot be expressed in one row: on import those types are
/// reported as skipped, on export they are left out and reported as skipped issues.
/// Cell text is trimmed on import. Exported cells that a spreadsheet would take for a formula (starting
/// with = + - @ tab or CR, possibly after apostrophes) get a leading apostrophe; on import exactly that
/// apostrophe is removed again.</para>
/// </summary>
public static partial class SpreadsheetFormat
{
    private static readonly ImportTexts L = ImportTexts.Instance;
    private const int MaxOptions = 10;

    private enum Column { Id, Type, Stem, Option, Answer, Explanation, Difficulty, Points, Lesson, Anchor, Tags, Status }

    private static readonly Dictionary<string, Column> Headers = new(StringComparer.Ordinal)
    {
        ["题号"] = Column.Id, ["编号"] = Column.Id, ["id"] = Column.Id, ["questionid"] = Column.Id,
        ["题型"] = Column.Type, ["类型"] = Column.Type, ["type"] = Column.Type,
        ["题干"] = Column.Stem, ["题目"] = Column.Stem, ["stem"] = Column.Stem, ["question"] = Column.Stem,
        ["答案"] = Column.Answer, ["正确答案"] = Column.Answer, ["参考答案"] = Column.Answer, ["answer"] = Column.Answer, ["key"] = Column.Answer,
        ["解析"] = Column.Explanation, ["答案解析"] = Column.Explanation, ["explanation"] = Column.Explanation,
        ["难度"] = Column.Difficulty, ["difficulty"] = Column.Difficulty,
        ["分值"] = Column.Points, ["分数"] = Column.Points, ["points"] = Column.Points, ["score"] = Column.Points,
        ["课程"] = Column.Lesson, ["课程id"] = Column.Lesson, ["课程编号"] = Column.Lesson, ["lesson"] = Column.Lesson, ["lessonid"] = Column.Lesson,
        ["锚点"] = Column.Anchor, ["anchor"] = Column.Anchor,
        ["标签"] = Column.Tags, ["tags"] = Column.Tags, ["tag"] = Column.Tags,
        ["状态"] = Column.Status, ["status"] = Column.Status,
    };

    private static readonly Dictionary<string, QuestionType> TypeNames = new(StringComparer.Ordinal)
    {
        ["单选"] = QuestionType.Single, ["单选题"] = QuestionType.Single, ["单项选择"] = QuestionType.Single, ["单项选择题"] = QuestionType.Single, ["single"] = QuestionType.Single,
        ["多选"] = QuestionType.Multiple, ["多选题"] = QuestionType.Multiple, ["多项选择"] = QuestionType.Multiple, ["多项选择题"] = QuestionType.Multiple, ["multiple"] = QuestionType.Multiple,
        ["判断"] = QuestionType.TrueFalse, ["判断题"] = QuestionType.TrueFalse, ["truefalse"] = QuestionType.TrueFalse, ["true/false"] = QuestionType.TrueFalse, ["tf"] = QuestionType.TrueFalse,
        ["填空"] = QuestionType.Fill, ["填空题"] = QuestionType.Fill, ["fill"] = QuestionType.Fill,
        ["问答"] = QuestionType.Essay, ["问答题"] = QuestionType.Essay, ["简答"] = QuestionType.Essay, ["简答题"] = QuestionType.Essay,
        ["论述"] = QuestionType.Essay, ["论述题"] = QuestionType.Essay, ["essay"] = QuestionType.Essay,
        ["连线"] = QuestionType.Matching, ["连线题"] = QuestionType.Matching, ["匹配"] = QuestionType.Matching, ["匹配题"] = QuestionType.Matching, ["matching"] = QuestionType.Matching,
        ["排序"] = QuestionType.Ordering, ["排序题"] = QuestionType.Ordering, ["ordering"] = QuestionType.Ordering,
        ["案例"] = QuestionType.Case, ["案例题"] = QuestionType.Case, ["案例分析"] = QuestionType.Case, ["case"] = QuestionType.Case,
    };

    private static readonly Dictionary<QuestionType, string> TypeLabels = new()
    {
        [QuestionType.Single] = "单选", [QuestionType.Multiple] = "多选", [QuestionType.TrueFalse] = "判断",
        [QuestionType.Fill] = "填空", [QuestionType.Essay] = "问答", [QuestionType.Matching] = "连线",
        [QuestionType.Ordering] = "排序", [QuestionType.Case] = "案例",
    };

    private static readonly Dictionary<string, bool> TrueFalseWords = new(StringComparer.Ordinal)
    {
        ["对"] = true, ["正确"] = true, ["是"] = true, ["√"] = true, ["✓"] = true, ["✔"] = true, ["true"] = true, ["t"] = true, ["yes"] = true, ["y"] = true,
        ["错"] = false, ["错误"] = false, ["否"] = false, ["×"] = false, ["✗"] = false, ["✘"] = false, ["false"] = false, ["f"] = false, ["no"] = false, ["n"] = false, ["x"] = false,
    };

    private static readonly Dictionary<string, QuestionStatus> StatusNames = new(StringComparer.Ordinal)
    {
        ["启用"] = QuestionStatus.Ready, ["正常"] = QuestionStatus.Ready, ["就绪"] = QuestionStatus.Ready, ["ready"] = QuestionStatus.Ready,
        ["草稿"] = QuestionStatus.Draft, ["draft"] = QuestionStatus.Draft,
        ["停用"] = QuestionStatus.Retired, ["退役"] = QuestionStatus.Retired, ["retired"] = QuestionStatus.Retired,
    };

    private static readonly char[] TagSeparators = ['、', ',', '，', ';', '；'];

    // ------------------------------------------------------------------ import

    public static ImportResult ParseCsv(string fileName, Stream csv) => Parse(fileName, csv, ReadCsv);

    public static ImportResult ParseXlsx(string fileName, Stream xlsx) => Parse(fileName, xlsx, ReadXlsx);

    private static ImportResult Parse(string fileName, Stream input, Func<byte[], List<(int Line, string[] Cells)>> read)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = new ImportResult();
        void Error(int line, ImportText message) => result.Issues.Add(new ImportIssue(fileName, line, message, false));

        var bytes = MoodleXmlFormat.ReadLimited(input, ImportLimits.MaxBytes);
        if (bytes is null)
        {
            Error(1, ImportLimits.TooLarge(null));
            return result;
        }
        List<(int Line, string[] Cells)> table;
        try
        {
            table = read(bytes);
        }
        catch (TemplateException ex)
        {
            Error(1, ex.Text);
            return result;
        }
        catch (XlsxException ex)
        {
            Error(1, new ImportText(ex.Message, []));
            return result;
        }
        catch (Exception ex) when (ex is InvalidDataException or OpenXmlPackageException or IOException or CsvHelperException or FormatException or System.Xml.XmlException)
        {
            Error(1, L["无法读取文件“{0}”：文件已损坏，或不是有效的 CSV / XLSX 文件", fileName]);
            return result;
        }

        table = table.Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (table.Count == 0)
        {
            Error(1, L["文件是空的：第一行应为表头（题号、题型、题干、选项A…选项F、答案、解析、难度、课程、锚点、标签）"]);
            return result;
        }
        var (headerLine, headerCells) = table[0];
        var map = new Dictionary<Column, int>();
        var options = new SortedDictionary<int, int>();
        for (var i = 0; i < headerCells.Length; i++)
        {
            var raw = headerCells[i].Trim();
            if (raw.Length == 0) continue;
            var h = HeaderKey(raw);
            if (OptionIndex(h) is { } letter)
            {
                if (!options.TryAdd(letter, i)) Error(headerLine, L["列“{0}”重复出现", raw]);
                continue;
            }
            if (!Headers.TryGetValue(h, out var col))
            {
                Error(headerLine, L["无法识别的列“{0}”：可用的列为 题号、题型、题干、选项A…选项J、答案、解析、难度、分值、课程、锚点、标签、状态", raw]);
                continue;
            }
            if (!map.TryAdd(col, i)) Error(headerLine, L["列“{0}”重复出现", raw]);
        }
        foreach (var (col, label) in new[] { (Column.Type, "题型"), (Column.Stem, "题干"), (Column.Answer, "答案") })
            if (!map.ContainsKey(col)) Error(headerLine, L["缺少必需的列“{0}”", label]);
        if (result.Issues.Count > 0) return result;

        var rows = table.Skip(1).ToList();
        if (rows.Count == 0) { Error(1, L["文件只有表头，没有题目"]); return result; }
        if (rows.Count > ImportLimits.MaxQuestions)
        {
            Error(1, L["文件共有 {0} 行题目，超过单次导入 {1} 道的上限，请拆分后分批导入", rows.Count, ImportLimits.MaxQuestions]);
            return result;
        }

        var seenIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, cells) in rows)
        {
            string Cell(Column c) => map.TryGetValue(c, out var i) ? CellAt(cells, i) : "";
            var before = result.Issues.Count;
            void RowError(ImportText message) => Error(line, L["第 {0} 行：{1}", line, message]);

            var typeText = Cell(Column.Type);
            var typeKey = HeaderKey(typeText);
            if (typeText.Length == 0) { RowError(L["题型为空"]); continue; }
            if (!TypeNames.TryGetValue(typeKey, out var type))
            {
                RowError(L["题型“{0}”无法识别（可用：单选、多选、判断、填空、问答）", typeText]);
                continue;
            }
            if (type is QuestionType.Matching or QuestionType.Ordering or QuestionType.Case)
            {
                result.Issues.Add(new ImportIssue(fileName, line, L["第 {0} 行：{1}题无法用表格模板表示，已跳过（请用 Moodle XML 导入）", line, QuestionTypeLabels.ShortText(type)], true));
                continue;
            }

            var stem = Cell(Column.Stem);
            var answer = Cell(Column.Answer);
            if (stem.Length == 0) RowError(L["题干为空"]);
            if (answer.Length == 0) RowError(type == QuestionType.Essay ? L["答案（评分要点）为空"] : L["答案为空"]);

            var id = Cell(Column.Id);
            if (id.Length == 0) id = GeneratedId(type, stem, seenIds);
            else if (!(id.Length <= 120 && LessonParser.IsValidId(id))) RowError(L["题号“{0}”格式不正确（只能包含小写英文字母、数字和连字符）", id]);
            else if (seenIds.TryGetValue(id, out var firstLine)) RowError(L["题号“{0}”与第 {1} 行重复", id, firstLine]);
            seenIds.TryAdd(id, line);

            var difficulty = 3;
            if (Cell(Column.Difficulty) is { Length: > 0 } d &&
                (!int.TryParse(Normalize(d), NumberStyles.Integer, CultureInfo.InvariantCulture, out difficulty) || difficulty is < 1 or > 5))
                RowError(L["难度“{0}”无效，应为 1–5 的整数", d]);
            var points = type == QuestionType.Essay ? 10m : 1m;
            if (Cell(Column.Points) is { Length: > 0 } p &&
                (!decimal.TryParse(Normalize(p), NumberStyles.Number, CultureInfo.InvariantCulture, out points) || points <= 0))
                RowError(L["分值“{0}”无效，应为大于 0 的数", p]);
            var lesson = Cell(Column.Lesson);
            if (lesson.Length > 0 && !LessonParser.IsValidId(lesson)) RowError(L["课程“{0}”不是有效的课程编号（小写英文字母、数字和连字符）", lesson]);
            var anchor = Cell(Column.Anchor);
            if (anchor.Length > 0 && !LessonParser.IsValidId(anchor)) RowError(L["锚点“{0}”格式不正确（小写英文字母、数字和连字符）", anchor]);
            var status = QuestionStatus.Ready;
            if (Cell(Column.Status) is { Length: > 0 } st && !StatusNames.TryGetValue(HeaderKey(st), out status))
                RowError(L["状态“{0}”无效（可用：启用、草稿、停用）", st]);
            var tags = Cell(Column.Tags).Split(TagSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

            var q = new Question
            {
                Id = id, Type = type, Stem = stem, Explanation = Cell(Column.Explanation), Difficulty = difficulty,
                Points = points, LessonId = lesson, Anchor = anchor.Length == 0 ? null : anchor, Tags = tags, Status = status,
            };

            var optionTexts = new List<string>();
            if (type is QuestionType.Single or QuestionType.Multiple)
            {
                var byLetter = options.ToDictionary(kv => kv.Key, kv => CellAt(cells, kv.Value));
                var last = byLetter.Where(kv => kv.Value.Length > 0).Select(kv => kv.Key).DefaultIfEmpty(-1).Max();
                for (var k = 0; k <= last; k++)
                {
                    var text = byLetter.GetValueOrDefault(k, "");
                    if (text.Length == 0) RowError(L["选项 {0} 为空，但后面的选项有内容", Letter(k)]);
                    optionTexts.Add(text);
                }
            }
            if (answer.Length > 0)
            {
                switch (type)
                {
                    case QuestionType.Single or QuestionType.Multiple:
                        if (ParseLetters(answer) is not { } letters)
                        {
                            RowError(L["答案“{0}”无效：应为选项字母，如 B 或 ACD", answer]);
                            break;
                        }
                        foreach (var l in letters.Where(l => l >= optionTexts.Count))
                            RowError(L["答案中的 {0} 没有对应的选项", Letter(l)]);
                        if (type == QuestionType.Single && letters.Count > 1)
                            RowError(L["单选题只能有一个答案，但填写了“{0}”", answer]);
                        q = q with { Options = optionTexts.Select((t, k) => new ChoiceOption(t, letters.Contains(k))).ToList() };
                        break;
                    case QuestionType.TrueFalse:
                        if (TrueFalseWords.TryGetValue(HeaderKey(answer), out var tf)) q = q with { TrueFalseAnswer = tf };
                        else RowError(L["判断题答案“{0}”无效，应为 对/错、正确/错误 或 true/false", answer]);
                        break;
                    case QuestionType.Fill:
                        var blanks = ParseBlanks(answer);
                        q = q with { Blanks = blanks, Stem = MarkBlanks(stem, blanks.Count) };
                        break;
                    case QuestionType.Essay:
                        q = q with { Rubric = answer };
                        break;
                }
            }
            if (result.Issues.Count > before) continue;
            var problems = q.Validate();
            foreach (var problem in problems) RowError(QuestionProblems.Describe(problem));
            if (problems.Count == 0) result.Questions.Add(new ImportedQuestion(q, line, null));
        }
        return result;
    }

    private static string CellAt(string[] cells, int i) => i < cells.Length ? Unneutralize(cells[i]).Trim() : "";

    /// <summary>Header or keyword in a comparable form: NFKC (full-width → half-width), lower case, no spaces or underscores.</summary>
    private static string HeaderKey(string s)
    {
        var n = s.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder(n.Length);
        foreach (var ch in n)
            if (!char.IsWhiteSpace(ch) && ch != '_' && ch != '-') sb.Append(ch);
        return sb.ToString();
    }

    private static string Normalize(string s) => s.Normalize(NormalizationForm.FormKC).Trim();

    /// <summary>0 for "选项a", "a", "optiona"; null when the header is not an option column.</summary>
    private static int? OptionIndex(string key)
    {
        var rest = key.StartsWith("选项", StringComparison.Ordinal) ? key[2..]
            : key.StartsWith("option", StringComparison.Ordinal) ? key[6..]
            : key;
        return rest.Length == 1 && rest[0] is >= 'a' and <= 'z' && rest[0] - 'a' < MaxOptions ? rest[0] - 'a' : null;
    }

    private static char Letter(int index) => (char)('A' + index);

    private static HashSet<int>? ParseLetters(string answer)
    {
        var letters = new HashSet<int>();
        foreach (var ch in answer.Normalize(NormalizationForm.FormKC).ToUpperInvariant())
        {
            if (char.IsWhiteSpace(ch) || ch is ',' or '，' or '、' or ';' or '；' or '/' or '|') continue;
            if (ch is < 'A' or > 'Z') return null;
            letters.Add(ch - 'A');
        }
        return letters.Count == 0 ? null : letters;
    }

    private static bool IsBlankSeparator(char c) => c is '|' or '｜';
    private static bool IsAlternativeSeparator(char c) => c is '/' or '／';

    internal static List<IReadOnlyList<string>> ParseBlanks(string answer)
    {
        var blanks = new List<IReadOnlyList<string>>();
        var alternatives = new List<string>();
        var current = new StringBuilder();
        void EndAlternative()
        {
            var a = current.ToString().Trim();
            if (a.Length > 0) alternatives.Add(a);
            current.Clear();
        }
        for (var i = 0; i < answer.Length; i++)
        {
            var c = answer[i];
            if (c == '\\' && i + 1 < answer.Length && (answer[i + 1] == '\\' || IsBlankSeparator(answer[i + 1]) || IsAlternativeSeparator(answer[i + 1])))
            {
                current.Append(answer[++i]);
            }
            else if (IsAlternativeSeparator(c)) EndAlternative();
            else if (IsBlankSeparator(c))
            {
                EndAlternative();
                blanks.Add(alternatives);
                alternatives = [];
            }
            else current.Append(c);
        }
        EndAlternative();
        blanks.Add(alternatives);
        return blanks;
    }

    internal static string FormatBlanks(IEnumerable<IReadOnlyList<string>> blanks) =>
        string.Join("|", blanks.Select(b => string.Join("/", b.Select(Escape))));

    private static string Escape(string alternative)
    {
        var sb = new StringBuilder(alternative.Length);
        foreach (var c in alternative)
        {
            if (c == '\\' || IsBlankSeparator(c) || IsAlternativeSeparator(c)) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"_{2,}|（\s*）|\(\s*\)")]
    private static partial Regex BlankPlaceholder();

    /// <summary>A stem without <c>{{n}}</c> marks: its placeholders (____, （ ）) become marks when there is one per blank; a lone blank is appended.</summary>
    private static string MarkBlanks(string stem, int blankCount)
    {
        if (FillText.BlankNumbers(stem).Count > 0 || blankCount == 0) return stem;
        var placeholders = BlankPlaceholder().Matches(stem);
        if (placeholders.Count == blankCount)
        {
            var n = 0;
            return BlankPlaceholder().Replace(stem, _ => "{{" + (++n).ToString(CultureInfo.InvariantCulture) + "}}");
        }
        return placeholders.Count == 0 && blankCount == 1 ? MoodleXmlFormat.AppendBlankMark(stem) : stem;
    }

    private static string GeneratedId(QuestionType type, string stem, Dictionary<string, int> seen)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{type}\n{stem}")))[..12];
        var id = "q-" + hash;
        for (var k = 2; seen.ContainsKey(id); k++) id = $"q-{hash}-{k}";
        return id;
    }

    // ---- formula neutralisation

    private static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>Prefixes an apostrophe when a spreadsheet would read the text as a formula (also when it already starts with apostrophes before such a character, so that import restores it exactly).</summary>
    internal static string Neutralize(string value)
    {
        var i = 0;
        while (i < value.Length && value[i] == '\'') i++;
        return i < value.Length && IsFormulaStart(value[i]) ? "'" + value : value;
    }

    /// <summary>Removes the apostrophe <see cref="Neutralize"/> added.</summary>
    internal static string Unneutralize(string value)
    {
        var i = 0;
        while (i < value.Length && value[i] == '\'') i++;
        return i > 0 && i < value.Length && IsFormulaStart(value[i]) ? value[1..] : value;
    }

    // ---- readers


    private static List<(int, string[])> ReadCsv(byte[] bytes)
    {
        using var csv = TabularFiles.OpenCsv(bytes, ignoreBlankLines: false);
        var rows = new List<(int, string[])>();
        var record = 0;
        while (csv.Read())
        {
            // The record number is the row number a spreadsheet shows (a quoted cell may span several lines).
            rows.Add((++record, csv.Parser.Record ?? []));
            if (rows.Count > ImportLimits.MaxQuestions + 2) break;
        }
        return rows;
    }

    private static List<(int, string[])> ReadXlsx(byte[] bytes) => XlsxReader.ReadFirstSheet(bytes, ImportLimits.MaxQuestions + 3);

    private sealed class TemplateException(ImportText text) : Exception(text.ToString())
    {
        public ImportText Text { get; } = text;
    }

    // ------------------------------------------------------------------ export

    /// <summary>
    /// The template as CSV (UTF-8 with BOM, comma-separated, CRLF). Matching, ordering and case questions are
    /// left out; each is added to <paramref name="skipped"/> as a skipped issue when a list is given.
    /// </summary>
    public static byte[] WriteCsv(IEnumerable<Question> questions, ICollection<ImportIssue>? skipped = null)
    {
        var table = Table(questions, skipped);
        var sb = new StringBuilder();
        using (var writer = new StringWriter(sb, CultureInfo.InvariantCulture))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" }))
        {
            foreach (var row in table)
            {
                foreach (var cell in row) csv.WriteField(cell.Text, shouldQuote: true);
                csv.NextRecord();
            }
        }
        return [.. Encoding.UTF8.GetPreamble(), .. new UTF8Encoding(false).GetBytes(sb.ToString())];
    }

    /// <summary>The template as XLSX (one sheet "题目"). Skipped questions as for <see cref="WriteCsv"/>.</summary>
    public static byte[] WriteXlsx(IEnumerable<Question> questions, ICollection<ImportIssue>? skipped = null)
    {
        var table = Table(questions, skipped);
        var widths = table[0].Select(h => h.Text switch { "题干" => 60d, "解析" or "答案" => 30d, "题号" or "课程" or "锚点" or "标签" => 18d, _ => 12d }).ToList();
        return XlsxWriter.Write(table.Select(r => (IReadOnlyList<ExportCell>)r.Select(c => new ExportCell(c.Text, c.Numeric)).ToList()), "题目", widths);
    }

    private static List<List<(string Text, bool Numeric)>> Table(IEnumerable<Question> questions, ICollection<ImportIssue>? skipped)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var rows = new List<Question>();
        foreach (var q in questions)
        {
            if (q.Type is QuestionType.Matching or QuestionType.Ordering or QuestionType.Case || q.Options.Count > MaxOptions)
                skipped?.Add(new ImportIssue("", 0, L["题目 {0}（{1}题）无法用表格模板表示，未导出（可导出为 Moodle XML）", q.Id, QuestionTypeLabels.ShortText(q.Type)], true));
            else rows.Add(q);
        }
        var optionCount = Math.Max(6, rows.Select(q => q.Options.Count).DefaultIfEmpty(0).Max());
        var header = new List<string> { "题号", "题型", "题干" };
        header.AddRange(Enumerable.Range(0, optionCount).Select(k => "选项" + Letter(k)));
        header.AddRange(["答案", "解析", "难度", "分值", "课程", "锚点", "标签", "状态"]);
        var table = new List<List<(string, bool)>> { header.Select(h => (h, false)).ToList() };
        foreach (var q in rows)
        {
            var answer = q.Type switch
            {
                QuestionType.Single or QuestionType.Multiple => string.Concat(q.Options.Select((o, k) => o.Correct ? Letter(k).ToString() : "")),
                QuestionType.TrueFalse => q.TrueFalseAnswer switch { true => "对", false => "错", null => "" },
                QuestionType.Fill => FormatBlanks(q.Blanks),
                _ => q.Rubric,
            };
            var row = new List<(string, bool)> { (q.Id, false), (TypeLabels[q.Type], false), (q.Stem, false) };
            row.AddRange(Enumerable.Range(0, optionCount).Select(k => (k < q.Options.Count ? q.Options[k].Text : "", false)));
            row.Add((answer, false));
            row.Add((q.Explanation, false));
            row.Add((q.Difficulty.ToString(CultureInfo.InvariantCulture), true));
            row.Add((q.Points.ToString(CultureInfo.InvariantCulture), true));
            row.Add((q.LessonId, false));
            row.Add((q.Anchor ?? "", false));
            row.Add((string.Join("、", q.Tags), false));
            row.Add((q.Status switch { QuestionStatus.Draft => "草稿", QuestionStatus.Retired => "停用", _ => "启用" }, false));
            table.Add(row.Select(c => c.Item2 ? c : (Neutralize(c.Item1), false)).ToList());
        }
        return table;
    }
}
