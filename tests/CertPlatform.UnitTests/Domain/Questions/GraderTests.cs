using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.UnitTests.Domain.Questions;

public sealed class GraderTests
{
    private static Question Choice(QuestionType type, params bool[] correct) => new()
    {
        Id = "q", Type = type, Stem = "?", Options = correct.Select((c, i) => new ChoiceOption("选项" + i, c)).ToList(),
    };

    private static decimal Score(Question q, Response r) => Grader.Grade(q, r).Score;

    [Theory]
    [InlineData(new[] { 1 }, 1.0)]
    [InlineData(new[] { 0 }, 0.0)]
    [InlineData(new[] { 1, 2 }, 0.0)]   // two answers to a single-choice question
    [InlineData(new int[0], 0.0)]
    [InlineData(new[] { 9 }, 0.0)]      // out of range
    public void Single_choice_is_all_or_nothing(int[] selected, double expected)
    {
        var q = Choice(QuestionType.Single, false, true, false, false);
        Assert.Equal((decimal)expected, Score(q, new Response { Selected = selected }));
    }

    [Theory]
    [InlineData(new[] { 0, 1, 2 }, 1.0)]        // exactly the right set
    [InlineData(new[] { 0, 1 }, 0.67)]          // 2 of 3 right
    [InlineData(new[] { 0 }, 0.33)]
    [InlineData(new[] { 0, 1, 3 }, 0.33)]       // 2 right − 1 wrong = 1 of 3
    [InlineData(new[] { 0, 1, 2, 3 }, 0.67)]    // everything ticked: 3 − 1
    [InlineData(new[] { 3, 4 }, 0.0)]           // only wrong ones: never below 0
    [InlineData(new[] { 0, 0, 0 }, 0.33)]       // repeats count once
    [InlineData(new int[0], 0.0)]
    public void Multiple_choice_gives_partial_credit_and_penalises_wrong_ticks(int[] selected, double expected)
    {
        var q = Choice(QuestionType.Multiple, true, true, true, false, false);
        Assert.Equal((decimal)expected, Score(q, new Response { Selected = selected }));
    }

    [Fact]
    public void Partial_credit_scales_with_points()
    {
        var q = Choice(QuestionType.Multiple, true, true, false, false) with { Points = 4 };
        Assert.Equal(2m, Score(q, new Response { Selected = [0] }));
        Assert.Equal(4m, Grader.Grade(q, new Response { Selected = [0, 1] }).Max);
    }

    [Fact]
    public void True_false_needs_the_right_value()
    {
        var q = new Question { Id = "q", Type = QuestionType.TrueFalse, Stem = "?", TrueFalseAnswer = false };
        Assert.Equal(1m, Score(q, new Response { TrueFalse = false }));
        Assert.Equal(0m, Score(q, new Response { TrueFalse = true }));
        Assert.Equal(0m, Score(q, Response.Empty));
    }

    private static readonly Question Fill = new()
    {
        Id = "q", Type = QuestionType.Fill, Stem = "顾客让渡价值是{{1}}与{{2}}之间的差额。", Points = 2,
        Blanks = [["顾客总价值", "Total Customer Value"], ["顾客总成本"]],
    };

    [Theory]
    [InlineData("顾客总价值", "顾客总成本", 2.0)]
    [InlineData(" 顾客 总价值 ", "顾客总成本。", 2.0)]                // spaces anywhere, trailing full stop
    [InlineData("ｔｏｔａｌ　ｃｕｓｔｏｍｅｒ　ｖａｌｕｅ", "顾客总成本", 2.0)] // full-width letters and ideographic space
    [InlineData("TOTAL CUSTOMER VALUE", "“顾客总成本”", 2.0)]        // case, Chinese quotes
    [InlineData("total-customer-value", "顾客总成本", 2.0)]          // dashes are punctuation
    [InlineData("顾客总价值", "顾客总收入", 1.0)]                      // one blank of two
    [InlineData("", "", 0.0)]
    [InlineData("。，", "顾客总成本", 1.0)]                            // punctuation alone is no answer
    public void Fill_in_compares_normalised_text_blank_by_blank(string b1, string b2, double expected)
    {
        Assert.Equal((decimal)expected, Score(Fill, new Response { Blanks = [b1, b2] }));
    }

    [Fact]
    public void Fill_in_with_fewer_answers_than_blanks_scores_what_is_there()
    {
        Assert.Equal(1m, Score(Fill, new Response { Blanks = ["顾客总价值"] }));
    }

    [Theory]
    [InlineData("４Ｐ", "4p")]
    [InlineData("（Ａ）", "a")]
    [InlineData("客户　关系，管理。", "客户关系管理")]
    [InlineData("“CRM”", "crm")]
    [InlineData("10%", "10%")]
    [InlineData("C++", "c++")]
    [InlineData("\t客户\r\n", "客户")]
    public void Normaliser_folds_width_case_space_and_punctuation(string input, string expected)
    {
        Assert.Equal(expected, AnswerNormalizer.Normalize(input));
    }

    private static readonly Question Matching = new()
    {
        Id = "q", Type = QuestionType.Matching, Stem = "?",
        Pairs = [new("产品", "Product"), new("价格", "Price"), new("渠道", "Place"), new("促销", "Promotion")],
    };

    [Theory]
    [InlineData(new[] { 0, 1, 2, 3 }, 1.0)]
    [InlineData(new[] { 1, 0, 2, 3 }, 0.5)]
    [InlineData(new[] { 0, 1, -1, -1 }, 0.5)]
    [InlineData(new[] { 3, 2, 1, 0 }, 0.0)]
    [InlineData(new[] { 0 }, 0.25)]
    public void Matching_scores_each_left_item(int[] matches, double expected)
    {
        Assert.Equal((decimal)expected, Score(Matching, new Response { Matches = matches }));
    }

    private static readonly Question Ordering = new()
    {
        Id = "q", Type = QuestionType.Ordering, Stem = "?", Items = ["问题认知", "信息收集", "方案评估", "购买决策", "购后行为"],
    };

    [Theory]
    [InlineData(new[] { 0, 1, 2, 3, 4 }, 1.0)]
    [InlineData(new[] { 1, 0, 2, 3, 4 }, 0.5)]   // 2→3 and 3→4 kept: 2 of 4
    [InlineData(new[] { 4, 0, 1, 2, 3 }, 0.75)]  // last item moved to the front: 3 of 4 neighbours kept
    [InlineData(new[] { 4, 3, 2, 1, 0 }, 0.0)]
    [InlineData(new[] { 0, 1, 2, 3 }, 0.0)]      // not a permutation: missing item
    [InlineData(new[] { 0, 1, 1, 3, 4 }, 0.0)]   // repeated item
    public void Ordering_scores_neighbouring_pairs_relative_to_the_next_item(int[] order, double expected)
    {
        Assert.Equal((decimal)expected, Score(Ordering, new Response { Order = order }));
    }

    [Fact]
    public void Essays_wait_for_an_examiner()
    {
        var q = new Question { Id = "q", Type = QuestionType.Essay, Stem = "?", Rubric = "要点", Points = 10 };
        var g = Grader.Grade(q, new Response { Text = "答案" });
        Assert.True(g.NeedsManualGrading);
        Assert.Equal(10m, g.Max);
        Assert.Equal(0m, g.Score);
        Assert.False(g.FullMarks);
    }

    [Fact]
    public void A_case_is_the_sum_of_its_parts_and_waits_if_a_part_is_an_essay()
    {
        var q = new Question
        {
            Id = "c", Type = QuestionType.Case, Stem = "阅读案例", Scenario = "客户来电……",
            Parts = [Choice(QuestionType.Single, true, false) with { Id = "c-a" }, Choice(QuestionType.Multiple, true, true, false) with { Id = "c-b", Points = 2 }],
        };
        var g = Grader.Grade(q, new Response { Parts = new Dictionary<string, Response> { ["c-a"] = new() { Selected = [0] }, ["c-b"] = new() { Selected = [0] } } });
        Assert.Equal(2m, g.Score);
        Assert.Equal(3m, g.Max);
        Assert.Equal(3m, q.MaxScore);
        Assert.False(g.NeedsManualGrading);
        Assert.Equal([1m, 1m], g.Parts.Select(p => p.Score));

        var withEssay = q with { Parts = [.. q.Parts, new Question { Id = "c-c", Type = QuestionType.Essay, Stem = "?", Rubric = "r", Points = 5 }] };
        Assert.True(Grader.Grade(withEssay, Response.Empty).NeedsManualGrading);
    }

    [Fact]
    public void Shape_validation_names_what_is_wrong()
    {
        Assert.Contains("single choice needs exactly one correct option", Choice(QuestionType.Single, true, true, false).Validate());
        Assert.Contains((Fill with { Stem = "没有空" }).Validate(), e => e.StartsWith("the stem must mark blanks"));
        Assert.Contains("matching sides must be distinct", (Matching with { Pairs = [new("a", "x"), new("b", "x")] }).Validate());
        Assert.Contains("ordering items must be distinct", (Ordering with { Items = ["a", "a", "b"] }).Validate());
        var nested = new Question { Id = "c", Type = QuestionType.Case, Stem = "s", Scenario = "x", Parts = [new Question { Id = "d", Type = QuestionType.Case, Stem = "s", Scenario = "y", Parts = [] }] };
        Assert.Contains("part d: a case part cannot itself be a case", nested.Validate());
        Assert.Empty(Matching.Validate());
    }
}
