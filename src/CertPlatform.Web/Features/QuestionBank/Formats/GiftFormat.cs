using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CertPlatform.Web.Content;
using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>
/// Moodle's GIFT text format (docs.moodle.org "GIFT format"; the reference reader is Moodle's
/// question/format/gift/format.php, whose rules this follows). Pure code: no I/O, never throws on input.
/// <para><b>Reading.</b> Questions are separated by blank lines; <c>//</c> lines are comments;
/// <c>$CATEGORY: path</c> sets the category of the questions after it; <c>::title::</c> becomes the id when it
/// is a valid id (lower-case ASCII letters, digits, '-'), otherwise <c>gift-</c> + a hash of the title (the title is
/// kept as the question's title), and without a title <c>q-</c> + a hash of the content — never the file name or position. Escapes <c>\~ \= \# \{ \} \: \\ \n</c>; a leading
/// <c>[markdown]</c>/<c>[html]</c>/<c>[plain]</c>/<c>[moodle]</c> marker is removed and the text kept as written.
/// Texts are trimmed like Moodle does (escaped <c>\n</c> at either end is kept).</para>
/// <list type="bullet">
/// <item><c>{=right ~wrong}</c> → Single (an answer is right when written <c>=</c> or weighted 100%; partial weights count as wrong).</item>
/// <item><c>{~%50%a ~%50%b ~%-100%c}</c> (no <c>=</c>) → Multiple: positive weight = correct, zero/negative = wrong.</item>
/// <item><c>{T}</c> <c>{TRUE}</c> <c>{F}</c> <c>{FALSE}</c> → TrueFalse.</item>
/// <item><c>{=a =b}</c> → Fill with one blank whose accepted answers are those with full credit (no weight or
/// ≥100%); <c>{{1}}</c> is put where the braces were (at the end when the braces end the question).</item>
/// <item><c>{=left -> right …}</c> → Matching; <c>{}</c> → Essay.</item>
/// <item>Missing-word form (braces inside the text) works for every type; non-fill types get <c>_____</c> there.</item>
/// <item><c>####text</c> (general feedback) → Explanation. Per-answer feedback (<c>#…</c>) and weights (<c>%50%</c>) on
/// choice options are kept (<see cref="ChoiceOption.Feedback"/>, <see cref="ChoiceOption.Weight"/>); on short answers and
/// true/false they are reported per question. A foreign essay's general feedback is also its rubric (GIFT has no grader
/// information); without one the essay comes in as a draft, reported. Essays are worth 10 points, like in the YAML bank.</item>
/// <item>Reported and skipped: numerical <c>{#…}</c>, descriptions (no braces). A matching distractor (<c>= -&gt; x</c>) is
/// reported and dropped; the rest of the question is kept.</item>
/// <item>Hard errors (the import is not Ok): unclosed or stray braces, a second answer block, fewer than two
/// choices or pairs, empty answers, a bad metadata comment, duplicate ids, and any
/// <see cref="Question.Validate"/> problem.</item>
/// </list>
/// <para><b>CertPlatform extension.</b> Every written question is preceded by one comment line
/// <c>// @certplatform {json}</c> (other GIFT readers ignore comments; the bag is <see cref="FormatMetadata"/>, shared with QTI) holding what GIFT cannot say:
/// difficulty, lessonId, anchor, tags, status, points always; and, only when the plain GIFT would not read
/// back exactly, the exact value of id / stem / explanation / rubric / scenario / options / trueFalse / blanks /
/// pairs / items / parts. Fill with several blanks, Ordering and Case (and anything else the native syntax
/// cannot carry, e.g. a fill answer containing "-&gt;") are written as a GIFT essay <c>::id::stem{####explanation}</c>
/// plus <c>"type"</c> and the payload in the comment. The writer checks each question by reading it back, so
/// Write → Parse is exact for every question, including surrounding whitespace and '\r'.</para>
/// </summary>
public static partial class GiftFormat
{
    private const string MetaTag = "@certplatform";
    private const string FillMark = "{{1}}";
    private const string MissingWord = "_____";
    private static readonly ImportTexts L = ImportTexts.Instance;

    [GeneratedRegex(@"\G\[(moodle|html|plain|markdown)\]")]
    private static partial Regex FormatMarker();

    [GeneratedRegex(@"\G%(-*)(\d{1,2}\.?\d*)%")]
    private static partial Regex Weight();

    [GeneratedRegex(@"\{\{1\}\}")]
    private static partial Regex FirstBlank();

    // ------------------------------------------------------------------ reading

    public static ImportResult Parse(string fileName, string text)
    {
        var result = new ImportResult();
        if (!ImportLimits.CheckSize(fileName, text, result)) return result;
        string? category = null;
        var count = 0;
        var ids = new Dictionary<string, (int Line, Question Question)>(StringComparer.Ordinal);
        foreach (var block in Blocks(text))
        {
            var before = result.Issues.Count;
            try
            {
                var notes = new List<ImportIssue>();
                var read = ReadBlock(block, fileName, ref category, result.Issues, notes, () => count++);
                if (!read.HasQuestion) continue;
                if (!ImportLimits.CheckCount(fileName, read.Line, count, result)) break;
                if (read.Question is not { } q || result.Issues.Count > before) continue;
                foreach (var problem in q.Validate())
                    result.Error(fileName, read.Line, L["试题 {0}：{1}", q.Id, QuestionProblems.Describe(problem)]);
                if (ids.TryGetValue(q.Id, out var first))
                {
                    if (read.IdFromFile) result.Error(fileName, read.Line, L["试题编号“{0}”重复使用（第一次在第 {1} 行）", q.Id, first.Line]);
                    else if (ContentId(first.Question) == ContentId(q))
                    {
                        result.Skip(fileName, read.Line, L["与第 {0} 行的试题完全相同", first.Line]);
                        continue;
                    }
                    else
                    {
                        // Two different questions with the same title: the second is known by its content.
                        notes.Add(new(fileName, read.Line, L["标题“{0}”在第 {1} 行已用过，此题以内容生成编号", q.Title, first.Line], true));
                        q = q with { Id = ContentId(q) };
                    }
                }
                if (!ids.ContainsKey(q.Id)) ids[q.Id] = (read.Line, q);
                if (result.Issues.Count == before) result.Questions.Add(new(q, read.Line, category) { Notes = notes, Pool = read.Pool });
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                result.Error(fileName, block[0].No, L["无法读取这道试题：{0}", ex.Message]);
            }
        }
        return result;
    }

    private sealed record Line(int No, string Text);

    private readonly record struct BlockRead(bool HasQuestion, int Line, Question? Question, bool IdFromFile, QuestionPool? Pool = null);

    private static IEnumerable<List<Line>> Blocks(string text)
    {
        if (text.StartsWith('\uFEFF')) text = text[1..];
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var block = new List<Line>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].All(IsPhpSpace))
            {
                if (block.Count > 0) yield return block;
                block = [];
            }
            else block.Add(new(i + 1, lines[i]));
        }
        if (block.Count > 0) yield return block;
    }

    private static BlockRead ReadBlock(List<Line> block, string file, ref string? category,
        List<ImportIssue> issues, List<ImportIssue> notes, Action countQuestion)
    {
        Line? meta = null;
        string? metaJson = null;
        var content = new List<Line>();
        foreach (var line in block)
        {
            var t = PhpTrim(line.Text);
            if (t.StartsWith("//", StringComparison.Ordinal))
            {
                if (MetaJson(t) is not { } json) continue;
                if (content.Count > 0)
                    issues.Add(new(file, line.No, L["“// {0}”注释必须紧挨在它所属的试题之前，不能写在试题中间", MetaTag], false));
                else if (meta is not null)
                    issues.Add(new(file, line.No, L["一道试题有两条“// {0}”注释（第一条在第 {1} 行）", MetaTag, meta.No], false));
                else (meta, metaJson) = (line, json);
                continue;
            }
            if (content.Count == 0 && t.StartsWith("$CATEGORY:", StringComparison.Ordinal))
            {
                var path = PhpTrim(t["$CATEGORY:".Length..]);
                category = path.Length == 0 ? null : MoodleXmlFormat.CategoryFromMoodle(path);
                continue;
            }
            content.Add(line);
        }
        if (content.Count == 0)
        {
            if (meta is not null)
                issues.Add(new(file, meta.No, L["这条“// {0}”注释后面没有试题（注释与试题之间不能有空行）", MetaTag], false));
            return new(false, 0, null, false);
        }
        countQuestion();
        var q = ReadQuestion(content, metaJson, meta?.No ?? 0, file, category, issues, notes, out var pool);
        return new(true, content[0].No, q, metaJson is not null, pool);
    }

    private static string? MetaJson(string trimmedComment)
    {
        var rest = trimmedComment[2..].TrimStart();
        if (!rest.StartsWith(MetaTag, StringComparison.Ordinal)) return null;
        rest = rest[MetaTag.Length..];
        return rest.Length == 0 || char.IsWhiteSpace(rest[0]) || rest[0] == '{' ? rest.Trim() : null;
    }

    /// <summary>What the GIFT text itself says, before the metadata comment is applied.</summary>
    private sealed class Body
    {
        public string? Title;
        public QuestionType Type;
        public string Stem = "";
        public string Explanation = "";
        public List<ChoiceOption> Options = [];
        public bool? TrueFalse;
        public List<IReadOnlyList<string>> Blanks = [];
        public List<MatchPair> Pairs = [];
        public bool Html;
        public List<ImportIssue> Notes = [];
    }

    private static Question? ReadQuestion(List<Line> content, string? metaJson, int metaLine, string file, string? category,
        List<ImportIssue> issues, List<ImportIssue> notes, out QuestionPool? pool)
    {
        pool = null;
        var firstLine = content[0].No;
        FormatMetadata? meta = null;
        if (metaJson is not null && !FormatMetadata.TryParse(metaJson, out meta, out var metaError))
        {
            issues.Add(new(file, metaLine, L["“// {0}”注释无效：{1}", MetaTag, metaError], false));
            return null;
        }
        var text = new Marked(content);
        var body = ReadBody(text, file, issues);
        if (body is null) return null;
        if (meta is null) notes.AddRange(body.Notes);

        var type = body.Type;
        if (meta?.Type is { } declared)
        {
            if (body.Type != QuestionType.Essay && body.Type != declared)
            {
                issues.Add(new(file, firstLine, L["“// {0}”注释说明这是{1}，因此答案块必须为空（问答题形式 {{}}），而不是{2}的答案", MetaTag, QuestionTypeLabels.ShortText(declared), QuestionTypeLabels.ShortText(body.Type)], false));
                return null;
            }
            type = declared;
        }
        // GIFT has no grader information: a foreign essay's general feedback doubles as its rubric; without one the
        // essay comes in as a draft (the examiner adds a rubric before using it).
        var rubric = meta is not null ? "" : type == QuestionType.Essay ? body.Explanation : "";
        var status = QuestionStatus.Ready;
        if (meta is null && type == QuestionType.Essay && rubric.Trim().Length == 0)
        {
            status = QuestionStatus.Draft;
            notes.Add(new(file, firstLine, L["问答题没有评分要点（GIFT 的 #### 总体反馈）：以草稿导入，补充评分要点后再启用"], true));
        }
        var q = new Question
        {
            Id = "",
            // With the comment, the title is the comment's (the markup's ::title:: is then the id).
            Title = meta is not null ? null : body.Title,
            Type = type,
            Stem = body.Stem,
            Explanation = body.Explanation,
            Difficulty = 3,
            LessonId = "",
            Tags = category is null ? [] : [category],
            Status = status,
            Points = type == QuestionType.Essay ? 10 : 1,
            Options = body.Options,
            TrueFalseAnswer = body.TrueFalse,
            Blanks = body.Blanks,
            Pairs = body.Pairs,
            Items = [],
            Rubric = rubric,
            Scenario = "",
            Parts = [],
            Pool = QuestionPool.Practice,
        };
        if (meta is not null) q = meta.ApplyTo(q);
        pool = meta?.Pool;
        if (q.Id.Length > 0) return q;
        // The id: the title when it is a valid id, else derived from the title, else from the content — never
        // from the file name or position, so another file's question is never mistaken for this one.
        var id = body.Title is { } title && LessonParser.IsValidId(title) && title.Length <= 120 ? title
            : body.Title is { Length: > 0 } named ? "gift-" + Hash12(named)
            : ContentId(q);
        return q with { Id = id, Title = body.Title == id ? null : body.Title };
    }

    /// <summary>
    /// An id made from what the question asks and answers (type, texts, options, key — not its title, category, lesson,
    /// difficulty or status): the same question in another file gets the same id.
    /// </summary>
    internal static string ContentId(Question q) => "q-" + QuestionJson.Hash(q with
    {
        Id = "", Title = null, Tags = [], LessonId = "", Anchor = null, Status = QuestionStatus.Ready, Difficulty = 3,
    })[..12];

    private static string Hash12(string s) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(s)))[..12];

    private static Body? ReadBody(Marked t, string file, List<ImportIssue> issues)
    {
        var body = new Body();
        var (p, end) = t.Trim(0, t.Length);
        void Error(int at, ImportText message) => issues.Add(new(file, t.LineAt(at), message, false));
        void Note(int at, ImportText message) => body.Notes.Add(new(file, t.LineAt(at), message, true));

        if (t.IsSeq(p, end, "::"))
        {
            var close = t.FindSeq("::", p + 2, end);
            if (close < 0) { Error(p, L["试题标题“::…”没有用“::”结束（字面的冒号前加反斜杠）"]); return null; }
            body.Title = t.Text(p + 2, close);
            p = close + 2;
        }
        body.Html = t.Marker(p, end) == "html";

        var open = t.Find('{', p, end);
        var shut = t.Find('}', p, end);
        if (open < 0 && shut < 0)
        {
            issues.Add(new(file, t.LineAt(p), L["没有答案块 {{…}} 的文字是 Moodle 的说明（description），平台不导入"], true));
            return null;
        }
        if (shut >= 0 && (open < 0 || shut < open)) { Error(shut, L["“}}”之前没有“{{”（字面的花括号前加反斜杠）"]); return null; }
        if (shut < 0) { Error(open, L["第 {0} 行的“{{”没有用“}}”闭合（空行表示试题结束；字面的花括号前加反斜杠）", t.LineAt(open)]); return null; }
        var nested = t.Find('{', open + 1, shut);
        if (nested >= 0) { Error(open, L["第 {0} 行的“{{”在第 {1} 行的下一个“{{”之前没有闭合", t.LineAt(open), t.LineAt(nested)]); return null; }
        var again = FirstOf(t.Find('{', shut + 1, end), t.Find('}', shut + 1, end));
        if (again >= 0)
        {
            Error(again, L["第 {0} 行有第二个答案块：一道试题只有一个 {{…}}（试题之间用空行分隔；字面的花括号前加反斜杠）", t.LineAt(again)]);
            return null;
        }

        var (a0, a1) = (open + 1, shut);
        var feedback = t.FindLastSeq("####", a0, a1);
        if (feedback >= 0)
        {
            body.Explanation = t.Text(feedback + 4, a1, format: true);
            a1 = feedback;
        }
        (a0, a1) = t.Trim(a0, a1);

        if (a0 == a1) body.Type = QuestionType.Essay;
        else if (t.IsSpecial(a0, '#'))
        {
            issues.Add(new(file, t.LineAt(open), L["数值题（{{#…}}）平台不支持"], true));
            return null;
        }
        else if (t.Find('~', a0, a1) >= 0)
        {
            if (!ReadChoices(t, open, a0, a1, body, Error)) return null;
        }
        else if (t.Find('=', a0, a1) >= 0 && t.FindSeq("->", a0, a1) >= 0)
        {
            if (!ReadPairs(t, open, a0, a1, body, Error, Note)) return null;
        }
        else
        {
            var hash = t.Find('#', a0, a1);
            var word = t.Text(a0, hash > a0 ? hash : a1);
            if (word is "T" or "TRUE" or "F" or "FALSE")
            {
                body.Type = QuestionType.TrueFalse;
                body.TrueFalse = word[0] == 'T';
                if (hash > a0) Note(hash, L["判断题的答案反馈（#…）平台不保存"]);
            }
            else if (!ReadShortAnswers(t, open, a0, a1, body, Error, Note)) return null;
        }

        // The question text: the answer block is removed; inside the text it leaves a mark.
        var atEnd = t.IsBlank(shut + 1, end);
        var mark = body.Type == QuestionType.Fill ? FillMark : MissingWord;
        if (atEnd && body.Type != QuestionType.Fill) body.Stem = t.Text(p, open, format: true);
        else
        {
            var before = t.Text(p, open, trimEnd: false, format: true);
            var after = atEnd ? "" : t.Text(shut + 1, end, trimStart: false);
            body.Stem = before + mark + after;
        }
        if (body.Html) ConvertHtml(body);
        return body;
    }

    /// <summary>[html] text is converted to plain text as Moodle XML's HTML is, so trainees never see tags.</summary>
    private static void ConvertHtml(Body body)
    {
        static string Plain(string s) => HtmlToText.Convert(s, newlinesAreBreaks: false);
        body.Stem = Plain(body.Stem);
        body.Explanation = Plain(body.Explanation);
        body.Options = body.Options.Select(o => o with { Text = Plain(o.Text), Feedback = o.Feedback is null ? null : Plain(o.Feedback) }).ToList();
        body.Blanks = body.Blanks.Select(b => (IReadOnlyList<string>)b.Select(Plain).ToList()).ToList();
        body.Pairs = body.Pairs.Select(p => new MatchPair(Plain(p.Left), Plain(p.Right))).ToList();
    }

    private static bool ReadChoices(Marked t, int open, int a0, int a1, Body body, Action<int, ImportText> error)
    {
        var pieces = t.Split(a0, a1, "~=");
        if (!FirstPieceEmpty(t, open, pieces, error)) return false;
        // As Moodle: any '=' answer makes it single choice (several '=' answers are each fully right); without one,
        // the weights decide and several answers may be chosen.
        var fullAnswers = pieces.Count(x => x.Prefix == '=');
        var single = fullAnswers > 0;
        body.Type = single ? QuestionType.Single : QuestionType.Multiple;
        if (pieces.Count < 2)
        {
            error(open, L["选择题至少需要两个答案（只有 {0} 个）", pieces.Count]);
            return false;
        }
        var weights = new List<decimal>();
        foreach (var piece in pieces)
        {
            var (from, to) = t.Trim(piece.From, piece.To);
            decimal weight = 0;
            if (piece.Prefix == '=') weight = 100;
            else if (t.MatchWeight(from, to) is { } w) (weight, from) = (w.Value, w.End);
            var hash = t.Find('#', from, to);
            var answer = t.Text(from, hash >= 0 ? hash : to, format: true);
            var feedback = hash >= 0 ? t.Text(hash + 1, to, format: true) : "";
            if (answer.Length == 0) { error(piece.From, L["第 {0} 行有一个空答案", t.LineAt(piece.From)]); return false; }
            body.Options.Add(new ChoiceOption(answer, single ? weight >= 100 : weight > 0, Feedback: feedback.Length == 0 ? null : feedback));
            weights.Add(weight);
        }
        // Weights are kept when they say more than the platform's rule: partial credit, other penalties, several right answers.
        body.Options = ChoiceWeights.Apply(body.Options, weights, single);
        return true;
    }

    private static bool ReadPairs(Marked t, int open, int a0, int a1, Body body, Action<int, ImportText> error, Action<int, ImportText> note)
    {
        body.Type = QuestionType.Matching;
        var pieces = t.Split(a0, a1, "=");
        if (!FirstPieceEmpty(t, open, pieces, error)) return false;
        foreach (var piece in pieces)
        {
            var arrow = t.FindSeq("->", piece.From, piece.To);
            if (arrow < 0) { error(piece.From, L["第 {0} 行的连线答案应写作“=左 -> 右”", t.LineAt(piece.From)]); return false; }
            var left = t.Text(piece.From, arrow, format: true);
            var right = t.Text(arrow + 2, piece.To);
            if (right.Length == 0) { error(piece.From, L["第 {0} 行的连线答案在“->”之后没有内容", t.LineAt(piece.From)]); return false; }
            if (left.Length == 0)
            {
                // A distractor (a right side without a left one): the platform has none; only it is lost.
                note(piece.From, L["连线题的干扰项“{0}”平台不支持，已舍去（其余配对照常导入）", right]);
                continue;
            }
            body.Pairs.Add(new MatchPair(left, right));
        }
        if (body.Pairs.Count < 2)
        {
            error(open, L["连线题至少需要两对“=左 -> 右”（只有 {0} 对）", body.Pairs.Count]);
            return false;
        }
        return true;
    }

    private static bool ReadShortAnswers(Marked t, int open, int a0, int a1, Body body, Action<int, ImportText> error, Action<int, ImportText> note)
    {
        body.Type = QuestionType.Fill;
        var accepted = new List<string>();
        var pieces = t.Split(a0, a1, "=");
        if (t.IsBlank(pieces[0].From, pieces[0].To)) pieces.RemoveAt(0);
        if (pieces.All(x => t.IsBlank(x.From, x.To))) { error(open, L["答案列表为空"]); return false; }
        foreach (var piece in pieces)
        {
            var (from, to) = t.Trim(piece.From, piece.To);
            decimal weight = 100;
            if (t.MatchWeight(from, to) is { } w) (weight, from) = (w.Value, w.End);
            var hash = t.Find('#', from, to);
            var answer = t.Text(from, hash >= 0 ? hash : to, format: true);
            if (answer.Length == 0) { error(piece.From, L["第 {0} 行有一个空答案", t.LineAt(piece.From)]); return false; }
            if (weight >= 100) accepted.Add(answer);
            else note(piece.From, L["填空答案“{0}”只得部分分（{1}%）：平台的填空题只有全对的答案，已舍去", answer, weight]);
            if (hash >= 0 && !t.IsBlank(hash + 1, to)) note(hash, L["填空答案“{0}”的反馈平台不保存", answer]);
        }
        if (accepted.Count == 0)
        {
            error(open, L["没有得满分的答案（写作 =答案 或 =%100%答案）"]);
            return false;
        }
        body.Blanks.Add(accepted);
        return true;
    }

    /// <summary>Drops the (empty) text before the first '~'/'='; false after reporting when it is not empty or nothing follows.</summary>
    private static bool FirstPieceEmpty(Marked t, int open, List<Marked.Piece> pieces, Action<int, ImportText> error)
    {
        if (!t.IsBlank(pieces[0].From, pieces[0].To))
        {
            error(pieces[0].From, L["第一个答案之前有文字：每个答案以“=”或“~”开头（连线题为“=”和“->”）"]);
            return false;
        }
        pieces.RemoveAt(0);
        if (pieces.All(x => t.IsBlank(x.From, x.To))) { error(open, L["答案列表为空"]); return false; }
        return true;
    }

    private static int FirstOf(int a, int b) => a < 0 ? b : b < 0 ? a : Math.Min(a, b);


    /// <summary>
    /// Question text with GIFT escapes decoded; remembers which characters were escaped (they never act as
    /// syntax) and the line each character came from.
    /// </summary>
    private sealed class Marked
    {
        private readonly string s;
        private readonly bool[] escaped;
        private readonly int[] lines;

        public readonly record struct Piece(char Prefix, int From, int To);

        public Marked(List<Line> content)
        {
            var sb = new StringBuilder();
            var esc = new List<bool>();
            var lineOf = new List<int>();
            void Add(char c, bool e, int line) { sb.Append(c); esc.Add(e); lineOf.Add(line); }
            for (var k = 0; k < content.Count; k++)
            {
                if (k > 0) Add('\n', false, content[k - 1].No);
                var (line, no) = (content[k].Text, content[k].No);
                for (var i = 0; i < line.Length; i++)
                {
                    var c = line[i];
                    if (c == '\\' && i + 1 < line.Length)
                    {
                        var n = line[i + 1];
                        if (n is '\\' or '~' or '=' or '#' or '{' or '}' or ':') { Add(n, true, no); i++; continue; }
                        if (n == 'n') { Add('\n', true, no); i++; continue; }
                    }
                    Add(c, false, no);
                }
            }
            s = sb.ToString();
            escaped = [.. esc];
            lines = [.. lineOf];
        }

        public int Length => s.Length;

        public int LineAt(int i) => lines.Length == 0 ? 0 : lines[Math.Clamp(i, 0, lines.Length - 1)];

        public bool IsSpecial(int i, char c) => i >= 0 && i < s.Length && s[i] == c && !escaped[i];

        private bool IsSpace(int i) => !escaped[i] && IsPhpSpace(s[i]);

        public int Find(char c, int from, int to)
        {
            for (var i = from; i < to; i++) if (IsSpecial(i, c)) return i;
            return -1;
        }

        public bool IsSeq(int at, int to, string seq)
        {
            if (at + seq.Length > to) return false;
            for (var k = 0; k < seq.Length; k++) if (!IsSpecial(at + k, seq[k])) return false;
            return true;
        }

        public int FindSeq(string seq, int from, int to)
        {
            for (var i = from; i + seq.Length <= to; i++) if (IsSeq(i, to, seq)) return i;
            return -1;
        }

        public int FindLastSeq(string seq, int from, int to)
        {
            for (var i = to - seq.Length; i >= from; i--) if (IsSeq(i, to, seq)) return i;
            return -1;
        }

        public (int From, int To) Trim(int from, int to)
        {
            while (from < to && IsSpace(from)) from++;
            while (to > from && IsSpace(to - 1)) to--;
            return (from, to);
        }

        public bool IsBlank(int from, int to) => Trim(from, to) is var (f, e) && f == e;

        /// <summary>Splits at unescaped separators; each piece remembers the separator before it ('\0' for the first).</summary>
        public List<Piece> Split(int from, int to, string separators)
        {
            var pieces = new List<Piece>();
            var (start, prefix) = (from, '\0');
            for (var i = from; i < to; i++)
            {
                if (escaped[i] || !separators.Contains(s[i])) continue;
                pieces.Add(new(prefix, start, i));
                (start, prefix) = (i + 1, s[i]);
            }
            pieces.Add(new(prefix, start, to));
            return pieces;
        }

        public (decimal Value, int End)? MatchWeight(int from, int to)
        {
            var m = Weight().Match(s, from);
            if (!m.Success || m.Index + m.Length > to) return null;
            if (!decimal.TryParse(m.Groups[2].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) value = 0;
            return (m.Groups[1].Length > 0 ? -value : value, m.Index + m.Length);
        }

        /// <summary>The format marker ([html], [markdown]…) at the start of [from, to) after blanks, without brackets; null if none.</summary>
        public string? Marker(int from, int to)
        {
            while (from < to && IsSpace(from)) from++;
            return from < to && FormatMarker().Match(s, from) is { Success: true } m && m.Index + m.Length <= to ? m.Groups[1].Value : null;
        }

        /// <summary>The decoded text of [from, to), trimmed (escaped characters are never trimmed), optionally without a format marker.</summary>
        public string Text(int from, int to, bool trimStart = true, bool trimEnd = true, bool format = false)
        {
            if (trimStart) while (from < to && IsSpace(from)) from++;
            if (trimEnd) while (to > from && IsSpace(to - 1)) to--;
            if (format && trimStart && from < to && FormatMarker().Match(s, from) is { Success: true } m && m.Index + m.Length <= to)
            {
                from += m.Length;
                while (from < to && IsSpace(from)) from++;
            }
            return s[from..to];
        }
    }

    // ------------------------------------------------------------------ writing

    /// <summary>
    /// GIFT text for <paramref name="questions"/>. <paramref name="category"/> gives each question's category path;
    /// a <c>$CATEGORY:</c> line is written whenever it changes (null means "no change").
    /// </summary>
    public static string Write(IEnumerable<Question> questions, Func<Question, string?>? category = null)
    {
        var sb = new StringBuilder();
        sb.Append("// CertPlatform question bank in Moodle GIFT format.\n");
        sb.Append($"// A '// {MetaTag} {{…}}' line before a question carries what GIFT cannot express; other tools ignore it.\n\n");
        string? current = null;
        foreach (var q in questions)
        {
            if (category?.Invoke(q) is { } c && PhpTrim(c.Replace("\r\n", " ").Replace('\r', ' ').Replace('\n', ' ')) is { Length: > 0 } path && path != current)
            {
                sb.Append("$CATEGORY: ").Append(path).Append("\n\n");
                current = path;
            }
            sb.Append(WriteQuestion(q)).Append("\n\n");
        }
        return sb.ToString();
    }

    private static string WriteQuestion(Question q)
    {
        var expected = JsonSerializer.Serialize(q, FormatMetadata.Json);
        // Native GIFT first; the essay form with the payload in the comment when GIFT cannot say it.
        foreach (var (body, declared) in new[] { (NativeBody(q), (QuestionType?)null), (EssayBody(q), q.Type) })
        {
            if (body is null) continue;
            var meta = FormatMetadata.Of(q, declared);
            if (ReadBack(meta, body) is not { } plain || plain.Type != q.Type) continue;
            meta.KeepExact(q, plain);
            var written = MetaLine(meta) + "\n" + body;
            if (ReadBack(meta, body) is { } back && JsonSerializer.Serialize(back, FormatMetadata.Json) == expected) return written;
        }
        // Not reached for any question seen so far; kept so that Write never loses data.
        var all = FormatMetadata.Of(q, q.Type);
        all.KeepExact(q, null);
        return MetaLine(all) + "\n" + "::question::question{}";
    }

    /// <summary>Reads a written question back exactly as <see cref="Parse"/> would (without validation).</summary>
    private static Question? ReadBack(FormatMetadata meta, string body)
    {
        var blocks = Blocks(MetaLine(meta) + "\n" + body).ToList();
        if (blocks.Count != 1) return null;
        var issues = new List<ImportIssue>();
        string? category = null;
        var read = ReadBlock(blocks[0], "", ref category, issues, [], () => { });
        return issues.Count == 0 && category is null ? read.Question : null;
    }

    private static string MetaLine(FormatMetadata meta) => $"// {MetaTag} {meta.Serialize()}";

    private static string Title(Question q) => "::" + Escape(q.Id) + "::";

    private static string Feedback(Question q, string before, string after) =>
        q.Explanation.Length == 0 ? "" : before + "####" + Escape(q.Explanation) + after;

    private static string Percent(decimal w) => w.ToString("0.#####", CultureInfo.InvariantCulture);

    private static string OptionFeedback(ChoiceOption o) => o.Feedback is { Length: > 0 } f ? "#" + Escape(f) : "";

    private static string EssayBody(Question q) => Title(q) + Escape(q.Stem) + "{" + Feedback(q, "", "") + "}";

    private static string? NativeBody(Question q)
    {
        var sb = new StringBuilder(Title(q));
        switch (q.Type)
        {
            case QuestionType.Single:
                sb.Append(Escape(q.Stem)).Append("{\n");
                foreach (var o in q.Options)
                    sb.Append('\t').Append(o.Weight is { } w && !o.Correct ? "~%" + Percent(w) + "%"
                        : o.Correct ? "=" : o.Text.StartsWith('%') ? "~%0%" : "~").Append(Escape(o.Text)).Append(OptionFeedback(o)).Append('\n');
                return sb.Append(Feedback(q, "\t", "\n")).Append('}').ToString();
            case QuestionType.Multiple:
                var correct = q.Options.Count(o => o.Correct);
                var share = correct == 0 ? "0" : Math.Round(100m / correct, 5).ToString("0.#####", CultureInfo.InvariantCulture);
                sb.Append(Escape(q.Stem)).Append("{\n");
                foreach (var o in q.Options)
                    sb.Append("\t~%").Append(o.Weight is { } w ? Percent(w) : o.Correct || correct == 0 ? share : "-" + share).Append('%')
                        .Append(Escape(o.Text)).Append(OptionFeedback(o)).Append('\n');
                return sb.Append(Feedback(q, "\t", "\n")).Append('}').ToString();
            case QuestionType.TrueFalse when q.TrueFalseAnswer is { } answer:
                return sb.Append(Escape(q.Stem)).Append('{').Append(answer ? "TRUE" : "FALSE").Append(Feedback(q, "", "")).Append('}').ToString();
            case QuestionType.Fill when q.Blanks.Count == 1 && FillText.BlankNumbers(q.Stem) is [1]:
                var mark = FirstBlank().Match(q.Stem);
                sb.Append(Escape(q.Stem[..mark.Index])).Append('{');
                sb.AppendJoin(' ', q.Blanks[0].Select(a => "=" + (a.StartsWith('%') ? "%100%" : "") + Escape(a)));
                return sb.Append(Feedback(q, " ", "")).Append('}').Append(Escape(q.Stem[(mark.Index + mark.Length)..])).ToString();
            case QuestionType.Matching:
                sb.Append(Escape(q.Stem)).Append("{\n");
                foreach (var p in q.Pairs) sb.Append("\t=").Append(Escape(p.Left)).Append(" -> ").Append(Escape(p.Right)).Append('\n');
                return sb.Append(Feedback(q, "\t", "\n")).Append('}').ToString();
            case QuestionType.Essay:
                return EssayBody(q);
            default:
                return null;
        }
    }

    /// <summary>GIFT escapes for <c>\ ~ = # { } :</c>; line breaks become <c>\n</c> so a question stays one block.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' or '~' or '=' or '#' or '{' or '}' or ':': sb.Append('\\').Append(c); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': if (i + 1 >= text.Length || text[i + 1] != '\n') sb.Append("\\n"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    // ------------------------------------------------------------------ helpers

    private static bool IsPhpSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\0' or '\x0B';

    private static string PhpTrim(string s) => s.Trim(' ', '\t', '\n', '\r', '\0', '\x0B');

    /// <summary>Lower-case ASCII slug of the file name (without extension) for generated ids.</summary>
    internal static string IdPrefix(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName ?? "");
        var sb = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? "import" : slug;
    }
}
