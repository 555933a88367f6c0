using CertPlatform.Web.Content;
using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.UnitTests.Content;

public sealed class QuestionBankTests
{
    private const string Valid = """
        lesson: p1-a
        questions:
        - id: p1-a-q01
          type: single
          difficulty: 2
          anchor: body
          tags: [概念]
          stem: 选出正确的一项（  ）。
          options:
          - text: 甲
          - text: 乙
            correct: true
          - text: 丙
          explanation: 因为乙。
        - id: p1-a-q02
          type: fill
          difficulty: 1
          anchor: body
          stem: 顾客让渡价值是{{1}}与{{2}}之间的差额。
          blanks:
          - [顾客总价值]
          - [顾客总成本, 总成本]
          explanation: 定义。
        - id: p1-a-q03
          type: case
          difficulty: 4
          anchor: body
          stem: 阅读案例回答问题。
          scenario: 客户来电要求拆机。
          explanation: 见各小题。
          parts:
          - id: p1-a-q03a
            type: truefalse
            stem: 应立即办理。
            answer: false
            explanation: 先了解原因。
          - id: p1-a-q03b
            type: ordering
            stem: 排列步骤。
            items: [倾听, 认同, 回应]
            explanation: 顺序。
        - id: p1-a-q04
          type: essay
          difficulty: 5
          anchor: key-points
          stem: 谈谈你的做法。
          rubric: 要点一；要点二
          points: 12
          explanation: 参考答案。
          status: draft
        """;

    [Fact]
    public void Parses_every_field_into_domain_questions()
    {
        var r = QuestionFileParser.Parse("questions/part1/a.yaml", Valid);
        Assert.Empty(r.Errors);
        Assert.Equal("p1-a", r.LessonId);
        Assert.Equal(["p1-a-q01", "p1-a-q02", "p1-a-q03", "p1-a-q04"], r.Questions.Select(q => q.Question.Id));
        Assert.Equal(4, r.Questions.Count);
        var single = r.Questions[0].Question;
        Assert.Equal((QuestionType.Single, 2, "body", "p1-a"), (single.Type, single.Difficulty, single.Anchor, single.LessonId));
        Assert.Equal([false, true, false], single.Options.Select(o => o.Correct));
        Assert.Equal(["概念"], single.Tags);
        Assert.Equal(3, r.Questions[0].Line);
        var fill = r.Questions[1].Question;
        Assert.Equal(["顾客总成本", "总成本"], fill.Blanks[1]);
        var kase = r.Questions[2].Question;
        Assert.Equal(["p1-a-q03a", "p1-a-q03b"], kase.Parts.Select(p => p.Id));
        Assert.False(kase.Parts[0].TrueFalseAnswer);
        Assert.Equal(2m, kase.MaxScore);
        var essay = r.Questions[3].Question;
        Assert.Equal((12m, QuestionStatus.Draft), (essay.Points, essay.Status));
    }

    [Fact]
    public void Shape_errors_name_file_line_and_question()
    {
        var text = Valid.Replace("    correct: true\n", "").Replace("- [顾客总成本, 总成本]", "- []");
        var errors = QuestionFileParser.Parse("q.yaml", text).Errors.Select(e => e.ToString()).ToList();
        Assert.Contains("q.yaml:3: p1-a-q01: single choice needs exactly one correct option", errors);
        Assert.Contains("q.yaml:14: p1-a-q02: every blank needs at least one non-empty accepted answer", errors);
    }

    [Fact]
    public void Pool_is_practice_by_default_secure_when_declared_and_other_values_are_refused_at_their_line()
    {
        var r = QuestionFileParser.Parse("q.yaml", Valid.Replace("  tags: [概念]\n", "  tags: [概念]\n  pool: secure\n"));
        Assert.Empty(r.Errors);
        Assert.Equal(QuestionPool.Secure, r.Questions.Single(b => b.Question.Id == "p1-a-q01").Question.Pool);
        Assert.Equal(QuestionPool.Practice, r.Questions.Single(b => b.Question.Id == "p1-a-q02").Question.Pool);

        var bad = QuestionFileParser.Parse("q.yaml", Valid.Replace("  tags: [概念]\n", "  tags: [概念]\n  pool: vault\n"));
        Assert.Contains("q.yaml:8: p1-a-q01: pool must be practice or secure", bad.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_practice_question_serialises_without_a_pool_and_a_secure_one_round_trips()
    {
        var q = QuestionFileParser.Parse("q.yaml", Valid).Questions.Single(b => b.Question.Id == "p1-a-q01").Question;
        Assert.DoesNotContain("pool", QuestionJson.Serialize(q), StringComparison.OrdinalIgnoreCase);
        var secure = q with { Pool = QuestionPool.Secure };
        Assert.Equal(QuestionPool.Secure, QuestionJson.Deserialize(QuestionJson.Serialize(secure)).Pool);
    }

    [Fact]
    public void Unknown_type_bad_difficulty_and_missing_keys_are_reported_at_their_lines()
    {
        var text = "lesson: p1-a\nquestions:\n- id: p1-a-q01\n  type: puzzle\n  difficulty: 9\n  stem: x\n";
        var errors = QuestionFileParser.Parse("q.yaml", text).Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(errors, e => e.StartsWith("q.yaml:4: p1-a-q01: unknown type 'puzzle'"));
        Assert.Contains("q.yaml:5: p1-a-q01: difficulty must be a whole number 1–5", errors);
        Assert.Contains("q.yaml:3: p1-a-q01: missing 'explanation' (shown after practice)", errors);
        Assert.Contains("q.yaml:3: p1-a-q01: missing 'anchor' (the lesson section it tests)", errors);
    }

    [Fact]
    public void Bad_yaml_is_reported_with_its_line()
    {
        var e = Assert.Single(QuestionFileParser.Parse("q.yaml", "lesson: p1-a\nquestions:\n- id: x\n  stem: [oops\n").Errors);
        Assert.StartsWith("invalid YAML", e.Message);
        Assert.InRange(e.Line, 4, 5);
    }

    [Fact]
    public void Loader_checks_lesson_anchor_and_duplicate_ids_across_files()
    {
        using var f = new ContentFolder()
            .Curriculum(("p1-a", "lessons/a.md"))
            .File("lessons/a.md", ContentFolder.Lesson("p1-a"))
            .File("questions/part1/a.yaml", Valid)
            .File("questions/part1/b.yaml", Valid.Replace("anchor: body\n  tags", "anchor: nowhere\n  tags").Replace("p1-a-q02", "p1-a-q12").Replace("p1-a-q03", "p1-a-q13").Replace("p1-a-q04", "p1-a-q14"))
            .File("questions/part1/c.yaml", "lesson: p9-none\nquestions:\n- id: p9-q\n  type: truefalse\n  difficulty: 1\n  anchor: x\n  stem: s\n  answer: true\n  explanation: e\n");
        var r = new ContentLoader().Load(f.Root);
        var errors = r.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains("questions/part1/b.yaml:3: duplicate question id 'p1-a-q01' (first defined in questions/part1/a.yaml:3)", errors);
        Assert.Contains("questions/part1/b.yaml:3: p1-a-q01: lesson 'p1-a' has no section anchor '#nowhere'", errors);
        Assert.Contains("questions/part1/c.yaml:1: lesson 'p9-none' does not exist", errors);
        Assert.Equal(4 + 3, r.Questions.Count); // a.yaml all, b.yaml without its broken first question
    }

    [Fact]
    public void Report_flags_topics_with_fewer_than_five_ready_questions()
    {
        using var f = new ContentFolder()
            .Curriculum(("p1-a", "lessons/a.md"))
            .File("lessons/a.md", ContentFolder.Lesson("p1-a"))
            .File("questions/part1/a.yaml", Valid);
        var r = new ContentLoader().Load(f.Root);
        Assert.True(r.Ok, string.Join("\n", r.Problems));
        var report = ContentReport.Build(r.Curriculum!, r.Lessons, r.Questions);
        var topic = Assert.Single(report.Topics);
        Assert.Equal(3, topic.ReadyQuestions); // the draft essay does not count
        Assert.True(topic.BelowQuestionMinimum);
        Assert.Equal(1, report.QuestionsByType[QuestionType.Case]);
        Assert.Contains("FEW-QS  主题一", report.ToText());
        var stdout = new StringWriter();
        Assert.Equal(1, ContentCommands.Report(f.Root, stdout, new StringWriter()));
    }
}
