using System.Text;
using System.Text.RegularExpressions;
using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>
/// Moodle's Aiken format: single-answer multiple choice only, no ids, no feedback, no escaping.
/// <code>
/// 以下哪项属于外部环境因素？
/// A. 优势
/// B. 机会
/// ANSWER: B
/// </code>
/// <para><b>Reading.</b> The question text is the line(s) before the first option (several lines are joined with
/// "\n"; Moodle itself allows one); options are <c>A.</c>/<c>A)</c> followed by a space (also the Chinese
/// <c>A、</c> <c>A．</c> <c>A）</c>), lettered A, B, C… in order; <c>ANSWER: X</c> ends the question. Blank lines
/// are ignored; lines are trimmed. Every question becomes Single with id <c>&lt;file name&gt;-qNNN</c> and default
/// metadata. A malformed question is reported with its line number (a hard error, so the result is not Ok)
/// and reading goes on with the next question.</para>
/// <para><b>Writing.</b> Only Single questions whose text fits Aiken (one-line stem that does not look like an
/// option or ANSWER line, 2–26 one-line non-empty options, exactly one correct) are written; the others are
/// listed in <see cref="AikenExport.Skipped"/> with the reason. Surrounding whitespace is trimmed; id,
/// explanation and all metadata are not part of Aiken and are lost.</para>
/// </summary>
public static partial class AikenFormat
{
    private static readonly ImportTexts L = ImportTexts.Instance;

    [GeneratedRegex(@"^([A-Z])(?:[.)](?:[ \t]+|$)|[、．）]\s*)(.*)$")]
    private static partial Regex OptionLine();

    [GeneratedRegex(@"^ANSWER:\s*([A-Za-z])\s*$")]
    private static partial Regex AnswerLine();

    private sealed class Pending
    {
        public int Line;
        public readonly List<string> Stem = [];
        public readonly List<ChoiceOption> Options = [];
        public bool Broken;
    }

    public static ImportResult Parse(string fileName, string text)
    {
        var result = new ImportResult();
        if (!ImportLimits.CheckSize(fileName, text, result)) return result;
        var count = 0;
        Pending? q = null;
        void Error(int line, ImportText message) => result.Error(fileName, line, message);

        if (text.StartsWith('\uFEFF')) text = text[1..];
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var no = i + 1;
            var line = lines[i].Trim();
            if (line.Length == 0) continue;

            if (OptionLine().Match(line) is { Success: true } option)
            {
                if (q is null)
                {
                    Error(no, L["选项“{0}”之前没有题干", option.Groups[1].Value]);
                    q = new Pending { Line = no, Broken = true };
                }
                if (q.Broken) continue;
                var expected = (char)('A' + q.Options.Count);
                var letter = option.Groups[1].Value[0];
                var optionText = option.Groups[2].Value.Trim();
                if (letter != expected)
                {
                    Error(no, L["选项字母“{0}”顺序不对：应为“{1}”（选项依次为 A、B、C…）", letter, expected]);
                    q.Broken = true;
                }
                else if (optionText.Length == 0)
                {
                    Error(no, L["选项 {0} 为空", letter]);
                    q.Broken = true;
                }
                else q.Options.Add(new ChoiceOption(optionText, false));
                continue;
            }

            if (line.StartsWith("ANSWER:", StringComparison.Ordinal))
            {
                var done = q;
                q = null;
                if (done is null) { Error(no, L["ANSWER 行之前没有试题"]); continue; }
                if (done.Broken) continue;
                if (AnswerLine().Match(line) is not { Success: true } answer)
                {
                    Error(no, L["ANSWER 后面应为一个选项字母，例如“ANSWER: B”"]);
                    continue;
                }
                if (done.Options.Count < 2)
                {
                    Error(done.Line, L["第 {0} 行的试题在 ANSWER 行之前至少需要两个选项“A. …”“B. …”", done.Line]);
                    continue;
                }
                var index = char.ToUpperInvariant(answer.Groups[1].Value[0]) - 'A';
                if (index >= done.Options.Count)
                {
                    Error(no, L["ANSWER {0} 不是任何选项（选项为 A–{1}）", char.ToUpperInvariant(answer.Groups[1].Value[0]), (char)('A' + done.Options.Count - 1)]);
                    continue;
                }
                count++;
                if (!ImportLimits.CheckCount(fileName, done.Line, count, result)) return result;
                var question = new Question
                {
                    Id = "",
                    Type = QuestionType.Single,
                    Stem = string.Join("\n", done.Stem),
                    Options = done.Options.Select((o, k) => o with { Correct = k == index }).ToList(),
                };
                question = question with { Id = GiftFormat.ContentId(question) };
                var problems = question.Validate();
                foreach (var problem in problems) Error(done.Line, L["试题 {0}：{1}", question.Id, QuestionProblems.Describe(problem)]);
                if (problems.Count == 0) result.Questions.Add(new(question, done.Line, null));
                continue;
            }

            // Question text.
            if (q is not null && (q.Options.Count > 0 || q.Broken))
            {
                if (!q.Broken) Error(q.Line, L["第 {0} 行的试题在选项之后没有“ANSWER: X”行", q.Line]);
                q = null;
            }
            q ??= new Pending { Line = no };
            q.Stem.Add(line);
        }
        if (q is { Broken: false })
            Error(q.Line, L["第 {0} 行的试题没有“ANSWER: X”行", q.Line]);
        return result;
    }

    public static AikenExport Write(IEnumerable<Question> questions)
    {
        var sb = new StringBuilder();
        var skipped = new List<ExportSkip>();
        var written = 0;
        foreach (var q in questions)
        {
            if (WhyNot(q) is { } reason) { skipped.Add(new(q.Id, reason)); continue; }
            sb.Append(q.Stem.Trim()).Append('\n');
            for (var k = 0; k < q.Options.Count; k++)
                sb.Append((char)('A' + k)).Append(". ").Append(q.Options[k].Text.Trim()).Append('\n');
            sb.Append("ANSWER: ").Append((char)('A' + q.Options.ToList().FindIndex(o => o.Correct))).Append("\n\n");
            written++;
        }
        return new AikenExport(sb.ToString(), written, skipped);
    }

    private static ImportText? WhyNot(Question q)
    {
        if (q.Type != QuestionType.Single) return L["Aiken 只能保存单选题（此题为{0}）", QuestionTypeLabels.ShortText(q.Type)];
        var stem = q.Stem.Trim();
        if (stem.Length == 0) return L["题干为空"];
        if (stem.Contains('\n') || stem.Contains('\r')) return L["题干有多行；Aiken 的题干只能是一行"];
        if (OptionLine().IsMatch(stem) || stem.StartsWith("ANSWER:", StringComparison.Ordinal))
            return L["题干会被读成选项或 ANSWER 行"];
        if (q.Options.Count is < 2 or > 26) return L["Aiken 需要 2–26 个选项"];
        if (q.Options.Count(o => o.Correct) != 1) return L["单选题必须恰好有一个正确选项"];
        foreach (var o in q.Options)
        {
            var t = o.Text.Trim();
            if (t.Length == 0) return L["有一个选项为空"];
            if (t.Contains('\n') || t.Contains('\r')) return L["有一个选项有多行；Aiken 的选项只能是一行"];
        }
        return null;
    }
}
