using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Domain.Questions.Lint;

namespace CertPlatform.UnitTests.Domain.Questions.Lint;

/// <summary>One failing and one passing bank per bank-level item-writing rule.</summary>
public sealed class BankLintRuleTests
{
    private static readonly LintThresholds T = new();

    private static LintSubject S(Question q, string part = "part1") => new(q, part);

    private static Question SingleWithKeyLength(int i, bool keyLongest) => new()
    {
        Id = $"s{i}", Type = QuestionType.Single, Stem = $"第{i}题（  ）。",
        Options = [new("甲甲甲甲", false), new(keyLongest ? "乙乙乙乙乙" : "乙乙乙", true), new("丙丙", false)],
    };

    private static Question Multiple(int i, int options, int correct) => new()
    {
        Id = $"m{i}", Type = QuestionType.Multiple, Stem = $"第{i}题（  ）。",
        Options = Enumerable.Range(0, options).Select(k => new ChoiceOption($"选项{i}-{k}", k < correct)).ToList(),
    };

    private static Question TrueFalse(int i, bool answer, string stem = "陈述") => new()
    {
        Id = $"t{i}", Type = QuestionType.TrueFalse, Stem = $"{stem}{i}。", TrueFalseAnswer = answer,
    };

    [Fact]
    public void Longest_key_share_above_the_limit_fails_and_at_chance_passes()
    {
        var rule = new LongestKeyShareRule(T);
        var skewed = Enumerable.Range(0, 10).Select(i => S(SingleWithKeyLength(i, keyLongest: i < 5))).ToList();
        var f = Assert.Single(rule.Check(skewed));
        Assert.Equal(("bank", "longest-key-share"), (f.Subject, f.Rule));
        Assert.Equal([5, 10, 50, 35], f.Args);
        var fair = Enumerable.Range(0, 10).Select(i => S(SingleWithKeyLength(i, keyLongest: i < 3))).ToList();
        Assert.Empty(rule.Check(fair));
    }

    [Fact]
    public void Same_number_of_right_options_in_most_questions_fails_and_a_spread_passes()
    {
        var rule = new CorrectCountSpreadRule(T);
        var predictable = Enumerable.Range(0, 10).Select(i => S(Multiple(i, 5, i < 9 ? 3 : 2))).ToList();
        var f = Assert.Single(rule.Check(predictable));
        Assert.Equal([5, 9, 10, 3, 90, 60], f.Args);
        var spread = Enumerable.Range(0, 10).Select(i => S(Multiple(i, 5, 2 + i % 3))).ToList();
        Assert.Empty(rule.Check(spread));
        // Too few questions with that many options to judge.
        Assert.Empty(rule.Check(predictable.Take(5).ToList()));
    }

    [Fact]
    public void True_false_balance_is_checked_per_part()
    {
        var rule = new TrueFalseBalanceRule(T);
        var bank = Enumerable.Range(0, 10).Select(i => S(TrueFalse(i, i < 2), "part2"))
            .Concat(Enumerable.Range(10, 10).Select(i => S(TrueFalse(i, i % 2 == 0), "part3"))).ToList();
        var f = Assert.Single(rule.Check(bank));
        Assert.Equal(("part2", "truefalse-balance"), (f.Subject, f.Rule));
        Assert.Equal([2, 10, 20, 40, 60], f.Args);
    }

    [Fact]
    public void Absolute_words_that_nearly_always_mean_false_fail_and_a_mix_passes()
    {
        var rule = new AbsoluteWordRule(T);
        var giveaway = Enumerable.Range(0, 10).Select(i => S(TrueFalse(i, i == 0, "客户一定会离网"))).ToList();
        var f = Assert.Single(rule.Check(giveaway));
        Assert.Equal([9, 10, 90, 65], f.Args);
        var mixed = Enumerable.Range(0, 10).Select(i => S(TrueFalse(i, i < 5, "必须事先取得客户同意"))).ToList();
        Assert.Empty(rule.Check(mixed));
        Assert.True(AbsoluteWordRule.HasAbsoluteWord("所有客户都一样"));
        Assert.False(AbsoluteWordRule.HasAbsoluteWord("客户可能离网"));
    }

    [Fact]
    public void Near_duplicates_are_flagged_on_the_later_question_and_different_questions_pass()
    {
        var rule = new NearDuplicateRule(T);
        var a = QuestionLintRuleTests.Single("按教材，客户分类是指按客户对企业的价值来区分客户（  ）。", ("对", true), ("错", false));
        var b = a with { Id = "q2", Stem = "按教材，客户分类是指按客户对企业的价值来区分客户的（  ）。" };
        var c = a with { Id = "q3", Stem = "SWOT分析中的O指的是什么（  ）？" };
        var f = Assert.Single(rule.Check([S(a), S(b), S(c)]));
        Assert.Equal(("q2", "near-duplicate", "q1"), (f.Subject, f.Rule, (string)f.Args[0]));
        Assert.Empty(rule.Check([S(a), S(c)]));
    }
}
