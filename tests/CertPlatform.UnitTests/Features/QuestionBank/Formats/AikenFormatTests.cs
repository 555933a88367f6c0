using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank.Formats;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CertPlatform.UnitTests.Features.QuestionBank.Formats;

public sealed class AikenFormatTests
{
    private const string File = "aiken-quiz.txt";

    /// <summary>A single-choice question with the id Aiken gives it: derived from its content.</summary>
    private static Question Cid(string stem, int right, params string[] options)
    {
        var q = Single("x", stem, right, options);
        return q with { Id = GiftFormat.ContentId(q) };
    }

    private static Question Single(string id, string stem, int right, params string[] options) => new()
    {
        Id = id, Type = QuestionType.Single, Stem = stem,
        Options = options.Select((o, i) => new ChoiceOption(o, i == right)).ToList(),
    };

    [Fact]
    public void Moodle_style_file_reads_into_single_choice_questions()
    {
        var result = AikenFormat.Parse(File, """
            SWOT 分析中的“O”指的是（  ）。
            A. 优势
            B. 机会
            C. 劣势
            D. 威胁
            ANSWER: B

            Which of these is an external factor?
            A) Strengths
            B) Threats
            C) Weaknesses
            ANSWER: B

            客户关系管理的核心是（  ）。
            A、以产品为中心
            B．以客户为中心
            C）以渠道为中心
            ANSWER: b
            """);
        Assert.True(result.Ok, string.Join("\n", result.Issues));
        QuestionAssert.Same(
        [
            Cid("SWOT 分析中的“O”指的是（  ）。", 1, "优势", "机会", "劣势", "威胁"),
            Cid("Which of these is an external factor?", 1, "Strengths", "Threats", "Weaknesses"),
            Cid("客户关系管理的核心是（  ）。", 1, "以产品为中心", "以客户为中心", "以渠道为中心"),
        ], result.Questions.Select(q => q.Question));
        Assert.Equal([1, 8, 14], result.Questions.Select(q => q.Line));
        Assert.All(result.Questions, q => Assert.Null(q.Category));
    }

    [Fact]
    public void Malformed_blocks_are_reported_by_line_and_the_rest_is_still_read()
    {
        var result = AikenFormat.Parse(File, """
            第一题缺少答案行
            A. 甲
            B. 乙

            第二题正常
            A. 甲
            B. 乙
            ANSWER: A

            第三题答案超出范围
            A. 甲
            B. 乙
            ANSWER: E

            第四题选项顺序错
            A. 甲
            C. 丙
            ANSWER: A

            A. 没有题干的选项
            ANSWER: A

            第六题只有一个选项
            A. 甲
            ANSWER: A

            第七题答案格式错
            A. 甲
            B. 乙
            ANSWER: 甲

            第八题正常
            A) 对
            B) 错
            ANSWER: B

            最后一题没有答案
            A. 甲
            B. 乙
            """);
        Assert.False(result.Ok);
        Assert.Equal(["第二题正常", "第八题正常"], result.Questions.Select(q => q.Question.Stem));
        Assert.All(result.Questions, q => Assert.Equal(GiftFormat.ContentId(q.Question), q.Question.Id));
        Assert.Equal(2, result.Questions.Count);
        Assert.All(result.Issues, i => Assert.False(i.Skipped));
        var byLine = result.Issues.ToDictionary(i => i.Line, i => i.Message);
        Assert.Equal([1, 13, 17, 20, 23, 30, 37], byLine.Keys.Order());
        Assert.Contains("没有“ANSWER: X”行", byLine[1]);
        Assert.Contains("不是任何选项", byLine[13]);
        Assert.Contains("应为“B”", byLine[17]);
        Assert.Contains("之前没有题干", byLine[20]);
        Assert.Contains("至少需要两个选项", byLine[23]);
        Assert.Contains("一个选项字母", byLine[30]);
        Assert.Contains("没有“ANSWER: X”行", byLine[37]);
    }

    [Fact]
    public void Invalid_questions_are_errors_not_imports()
    {
        var result = AikenFormat.Parse(File, "重复选项\nA. 客户\nB. 客户\nANSWER: A\n");
        Assert.False(result.Ok);
        Assert.Contains("选项不能重复", Assert.Single(result.Issues).Message);
        Assert.Empty(result.Questions);
    }

    [Fact]
    public void Oversize_input_is_rejected()
    {
        var result = AikenFormat.Parse(File, new string('题', 6_000_000));
        Assert.False(result.Ok);
        Assert.Empty(result.Questions);
        Assert.Contains("MB", Assert.Single(result.Issues).Message);
    }

    [Fact]
    public void Garbage_never_throws()
    {
        foreach (var text in new[] { "", "\n\n", "ANSWER:", "A.", "A. x\nANSWER: A", "x\nA. \nANSWER: A", "\uFEFFq\nA. a\nB. b\nANSWER: Z" })
            Assert.NotNull(AikenFormat.Parse(File, text));
    }

    [Fact]
    public void Writing_keeps_single_choice_and_reports_what_aiken_cannot_hold()
    {
        var questions = new List<Question>
        {
            Single("p1-q01", "SWOT 分析中的“O”指的是（  ）。", 1, "优势", "机会", "劣势", "威胁") with { Explanation = "解析不会导出" },
            new() { Id = "p1-q02", Type = QuestionType.TrueFalse, Stem = "对吗？", TrueFalseAnswer = true },
            Single("p1-q03", "第一行\n第二行", 0, "甲", "乙"),
            Single("p1-q04", "题干", 0, "甲\n乙", "丙"),
            Single("p1-q05", "A. 像选项的题干", 0, "甲", "乙"),
            new() { Id = "p1-q06", Type = QuestionType.Multiple, Stem = "多选", Options = [new("甲", true), new("乙", true), new("丙", false)] },
            Single("p1-q07", "  前后空格会去掉  ", 0, " 甲 ", "乙"),
        };
        var export = AikenFormat.Write(questions);
        Assert.Equal(2, export.Written);
        Assert.Equal(["p1-q02", "p1-q03", "p1-q04", "p1-q05", "p1-q06"], export.Skipped.Select(s => s.QuestionId));
        Assert.Contains("只能保存单选题", export.Skipped[0].Reason.ToString());
        Assert.Contains("多行", export.Skipped[1].Reason.ToString());
        Assert.Equal("SWOT 分析中的“O”指的是（  ）。\nA. 优势\nB. 机会\nC. 劣势\nD. 威胁\nANSWER: B\n\n前后空格会去掉\nA. 甲\nB. 乙\nANSWER: A\n\n", export.Text);

        var back = AikenFormat.Parse("export.txt", export.Text);
        Assert.True(back.Ok);
        QuestionAssert.Same(
        [
            Cid("SWOT 分析中的“O”指的是（  ）。", 1, "优势", "机会", "劣势", "威胁"),
            Cid("前后空格会去掉", 0, "甲", "乙"),
        ], back.Questions.Select(q => q.Question));
    }

    private static readonly string[] Pool = ["客户", "价值", " ", "~", "=", "#", "{", "}", ":", "\\", "A.", "ANSWER:", "（  ）", "“引号”", "%50%", "->"];

    private static Gen<string> Line(char marker) =>
        from n in Gen.Choose(0, 5)
        from parts in Gen.ArrayOf(Gen.Elements(Pool), n)
        select marker + string.Concat(parts);

    [Property(MaxTest = 200)]
    public Property Single_choice_round_trips_stem_options_and_key() =>
        Prop.ForAll((
            from count in Gen.Choose(2, 8)
            from stem in Line('题')
            from options in Gen.CollectToList(Enumerable.Range(0, count).Select(i => Line("甲乙丙丁戊己庚辛"[i])))
            from right in Gen.Choose(0, count - 1)
            select Single("q", stem, right, [.. options])).ToArbitrary(), (Question q) =>
        {
            var export = AikenFormat.Write([q]);
            Assert.Empty(export.Skipped);
            var back = Assert.Single(AikenFormat.Parse("p.txt", export.Text).Questions).Question;
            QuestionAssert.Same(q with
            {
                Id = back.Id, Stem = q.Stem.Trim(), Options = q.Options.Select(o => o with { Text = o.Text.Trim() }).ToList(),
            }, back);
        });
}
