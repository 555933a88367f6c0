using System.Xml.Linq;
using CertPlatform.Web.Content;
using CertPlatform.Web.Domain.Questions.Lint;

namespace CertPlatform.UnitTests.Content;

public sealed class ContentItemLintTests
{
    private const string Bank = """
        lesson: p1-a
        questions:
        - id: p1-a-q01
          type: single
          difficulty: 2
          anchor: body
          stem: 下列各项中，不属于顾客总价值的是（  ）。
          options:
          - text: 产品价值
          - text: 形象价值
          - text: 货币成本
            correct: true
          explanation: 货币成本属于顾客总成本。
        - id: p1-a-q02
          type: single
          difficulty: 2
          anchor: body
          stem: 选出正确的一项（  ）。
          options:
          - text: 甲甲甲甲
          - text: 以上都对
            correct: true
          lint-ignore:
          - rule: all-or-none-option
            reason: 示例题，专门演示免检
          explanation: 示例。
        - id: p1-a-q03
          type: single
          difficulty: 2
          anchor: body
          stem: 再选一项（  ）。
          options:
          - text: 乙乙乙乙乙
          - text: 以上都不对
            correct: true
          lint-ignore:
          - rule: all-or-none-option
          explanation: 示例。
        """;

    [Fact]
    public void The_shipped_bank_passes_the_item_writing_lint()
    {
        var content = new ContentLoader().Load(RepoPaths.Content);
        Assert.True(content.Ok, string.Join("\n", content.Errors));
        var problems = new List<ContentError>();
        var normalisations = SourceNormalisations.Load(RepoPaths.Content, problems);
        Assert.Empty(problems);
        var findings = ContentItemLint.Run(content, normalisations);
        Assert.True(findings.Count == 0, string.Join("\n", findings));
        // Every silence in the shipped bank carries a reason (the lint would report it otherwise).
        var report = new QuestionLinter(wording: SourceNormalisations.WordingPairs(normalisations)).Check(ContentItemLint.Subjects(content));
        Assert.All(report.Silenced, f => Assert.NotEqual(QuestionLinter.SilenceRuleId, f.Rule));
    }

    [Fact]
    public void Lint_command_prints_file_line_question_rule_and_message_and_fails()
    {
        using var f = new ContentFolder()
            .Curriculum(("p1-a", "lessons/a.md"))
            .File("lessons/a.md", ContentFolder.Lesson("p1-a"))
            .File("questions/part1/a.yaml", Bank);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = ContentCommands.Lint(f.Root, stdout, stderr);
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1, exit);
        Assert.Contains("questions/part1/a.yaml:3: p1-a-q01: negative-stem: 题干问的是否定的一面，但否定词“不属于”没有强调（写成【不属于】）：考生容易漏看否定而选出“正确”的一项，测的是细心而不是知识", lines);
        Assert.Contains(lines, l => l.StartsWith("questions/part1/a.yaml:27: p1-a-q03: lint-ignore: 免检规则“all-or-none-option”没有写理由", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("questions/part1/a.yaml:27: p1-a-q03: all-or-none-option:", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("p1-a-q02", StringComparison.Ordinal)); // silenced with a reason
        Assert.True(stdout.ToString().Contains("content has 3 error(s)", StringComparison.Ordinal), stderr.ToString());
    }

    [Fact]
    public void Lint_ignore_is_read_with_rule_and_reason_and_a_malformed_entry_is_a_file_line_error()
    {
        var parsed = QuestionFileParser.Parse("q.yaml", Bank);
        var silence = Assert.Single(parsed.Questions[1].Question.LintIgnore!);
        Assert.Equal(("all-or-none-option", "示例题，专门演示免检"), (silence.Rule, silence.Reason));
        Assert.Null(parsed.Questions[0].Question.LintIgnore);
        var bad = QuestionFileParser.Parse("q.yaml", Bank.Replace("  - rule: all-or-none-option\n    reason: 示例题，专门演示免检", "  - just a string"));
        Assert.Contains(bad.Errors, e => e.ToString() == "q.yaml:24: p1-a-q02: each 'lint-ignore' entry needs 'rule' (a lint rule id) and 'reason'");
    }

    [Fact]
    public void Every_lint_message_has_an_english_translation()
    {
        var resx = XDocument.Load(Path.Combine(RepoPaths.Web, "Resources", "SharedResource.en.resx"));
        var keys = resx.Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
        Assert.All(QuestionLinter.Messages, m => Assert.Contains(m, keys));
    }
}
