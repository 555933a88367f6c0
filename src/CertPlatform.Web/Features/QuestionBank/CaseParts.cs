using System.Globalization;
using CertPlatform.Web.Content;
using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>Case sub-questions edited as YAML in the same syntax as content/questions.</summary>
public static class CaseParts
{
    public static CasePartsResult Parse(string yaml, string lessonId)
    {
        var indented = string.Join("\n", (yaml ?? "").Replace("\r\n", "\n").Split('\n').Select(l => "    " + l));
        var text = $"lesson: {lessonId}\nquestions:\n  - id: case-holder\n    type: case\n    difficulty: 3\n    anchor: holder\n    stem: holder\n    scenario: holder\n    explanation: holder\n    parts:\n{indented}\n";
        var parsed = QuestionFileParser.Parse("parts", text);
        var errors = parsed.Errors.Select(e => e.Line > 10 ? $"第 {e.Line - 10} 行：{e.Message}" : e.Message).ToList();
        return new CasePartsResult(parsed.Questions.SingleOrDefault()?.Question.Parts ?? [], errors);
    }

    public static string ToYaml(IReadOnlyList<Question> parts)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var p in parts)
        {
            sb.Append("- id: ").AppendLine(p.Id);
            sb.Append("  type: ").AppendLine(p.Type.ToString().ToLowerInvariant());
            sb.Append("  stem: ").AppendLine(Quote(p.Stem));
            if (p.Explanation.Length > 0) sb.Append("  explanation: ").AppendLine(Quote(p.Explanation));
            if (p.Anchor is not null) sb.Append("  anchor: ").AppendLine(p.Anchor);
            if (p.Points != 1) sb.Append("  points: ").AppendLine(p.Points.ToString(CultureInfo.InvariantCulture));
            switch (p.Type)
            {
                case QuestionType.Single or QuestionType.Multiple:
                    sb.AppendLine("  options:");
                    foreach (var o in p.Options) sb.Append("  - text: ").AppendLine(Quote(o.Text)).Append(o.Correct ? "    correct: true\n" : "");
                    break;
                case QuestionType.TrueFalse:
                    sb.Append("  answer: ").AppendLine(p.TrueFalseAnswer == true ? "true" : "false");
                    break;
                case QuestionType.Fill:
                    sb.AppendLine("  blanks:");
                    foreach (var b in p.Blanks) sb.Append("  - [").Append(string.Join(", ", b.Select(Quote))).AppendLine("]");
                    break;
                case QuestionType.Matching:
                    sb.AppendLine("  pairs:");
                    foreach (var pair in p.Pairs) sb.Append("  - left: ").AppendLine(Quote(pair.Left)).Append("    right: ").AppendLine(Quote(pair.Right));
                    break;
                case QuestionType.Ordering:
                    sb.AppendLine("  items:");
                    foreach (var i in p.Items) sb.Append("  - ").AppendLine(Quote(i));
                    break;
                case QuestionType.Essay:
                    sb.Append("  rubric: ").AppendLine(Quote(p.Rubric));
                    break;
            }
        }
        return sb.ToString();
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";
}
