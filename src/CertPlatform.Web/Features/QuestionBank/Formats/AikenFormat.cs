using System.Text;
using System.Text.RegularExpressions;
using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>A question <see cref="AikenFormat.Write"/> could not write, and why.</summary>
public sealed record ExportSkip(string QuestionId, string Reason);

/// <summary>The Aiken text and the questions left out of it.</summary>
public sealed record AikenExport(string Text, int Written, IReadOnlyList<ExportSkip> Skipped);

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
        var idPrefix = GiftFormat.IdPrefix(fileName);
        var count = 0;
        Pending? q = null;
        void Error(int line, string message) => result.Error(fileName, line, message);

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
                    Error(no, $"option '{option.Groups[1].Value}' comes before any question text");
                    q = new Pending { Line = no, Broken = true };
                }
                if (q.Broken) continue;
                var expected = (char)('A' + q.Options.Count);
                var letter = option.Groups[1].Value[0];
                var optionText = option.Groups[2].Value.Trim();
                if (letter != expected)
                {
                    Error(no, $"option letter '{letter}' out of order: expected '{expected}' (options run A, B, C…)");
                    q.Broken = true;
                }
                else if (optionText.Length == 0)
                {
                    Error(no, $"option {letter} is empty");
                    q.Broken = true;
                }
                else q.Options.Add(new ChoiceOption(optionText, false));
                continue;
            }

            if (line.StartsWith("ANSWER:", StringComparison.Ordinal))
            {
                var done = q;
                q = null;
                if (done is null) { Error(no, "ANSWER line without a question before it"); continue; }
                if (done.Broken) continue;
                if (AnswerLine().Match(line) is not { Success: true } answer)
                {
                    Error(no, "ANSWER must be followed by one option letter, e.g. 'ANSWER: B'");
                    continue;
                }
                if (done.Options.Count < 2)
                {
                    Error(done.Line, $"the question on line {done.Line} needs at least two options 'A. …', 'B. …' before its ANSWER line");
                    continue;
                }
                var index = char.ToUpperInvariant(answer.Groups[1].Value[0]) - 'A';
                if (index >= done.Options.Count)
                {
                    Error(no, $"ANSWER {char.ToUpperInvariant(answer.Groups[1].Value[0])} names no option (the options are A–{(char)('A' + done.Options.Count - 1)})");
                    continue;
                }
                count++;
                if (!ImportLimits.CheckCount(fileName, done.Line, count, result)) return result;
                var question = new Question
                {
                    Id = $"{idPrefix}-q{count:000}",
                    Type = QuestionType.Single,
                    Stem = string.Join("\n", done.Stem),
                    Options = done.Options.Select((o, k) => o with { Correct = k == index }).ToList(),
                };
                var problems = question.Validate();
                foreach (var problem in problems) Error(done.Line, $"question {question.Id}: {problem}");
                if (problems.Count == 0) result.Questions.Add(new(question, done.Line, null));
                continue;
            }

            // Question text.
            if (q is not null && (q.Options.Count > 0 || q.Broken))
            {
                if (!q.Broken) Error(q.Line, $"the question on line {q.Line} has no 'ANSWER: X' line after its options");
                q = null;
            }
            q ??= new Pending { Line = no };
            q.Stem.Add(line);
        }
        if (q is { Broken: false })
            Error(q.Line, $"the question on line {q.Line} has no 'ANSWER: X' line");
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

    private static string? WhyNot(Question q)
    {
        if (q.Type != QuestionType.Single) return $"Aiken holds single-choice questions only (this is {q.Type})";
        var stem = q.Stem.Trim();
        if (stem.Length == 0) return "the stem is empty";
        if (stem.Contains('\n') || stem.Contains('\r')) return "the stem has several lines; Aiken question text is one line";
        if (OptionLine().IsMatch(stem) || stem.StartsWith("ANSWER:", StringComparison.Ordinal))
            return "the stem would read as an option or ANSWER line";
        if (q.Options.Count is < 2 or > 26) return "Aiken needs 2–26 options";
        if (q.Options.Count(o => o.Correct) != 1) return "a single-choice question needs exactly one correct option";
        foreach (var o in q.Options)
        {
            var t = o.Text.Trim();
            if (t.Length == 0) return "an option is empty";
            if (t.Contains('\n') || t.Contains('\r')) return "an option has several lines; Aiken options are one line";
        }
        return null;
    }
}
