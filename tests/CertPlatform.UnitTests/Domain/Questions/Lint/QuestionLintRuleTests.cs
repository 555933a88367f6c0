using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Domain.Questions.Lint;

namespace CertPlatform.UnitTests.Domain.Questions.Lint;

/// <summary>One failing and one passing example per per-question item-writing rule.</summary>
public sealed class QuestionLintRuleTests
{
    internal static Question Single(string stem, params (string Text, bool Correct)[] options) => new()
    {
        Id = "q1", Type = QuestionType.Single, Stem = stem, Options = options.Select(o => new ChoiceOption(o.Text, o.Correct)).ToList(),
    };

    internal static Question Fill(params string[][] blanks) => new()
    {
        Id = "f1", Type = QuestionType.Fill, Stem = string.Concat(blanks.Select((_, i) => $"空{{{{{i + 1}}}}}。")), Blanks = blanks,
    };

    private static readonly LintThresholds T = new();

    [Fact]
    public void All_or_none_option_is_flagged_and_ordinary_options_pass()
    {
        var rule = new AllOrNoneOptionRule();
        var bad = Single("选出正确的一项（  ）。", ("甲", false), ("乙", false), ("以上都对", true));
        var finding = Assert.Single(rule.Check(bad));
        Assert.Equal(("q1", "all-or-none-option"), (finding.Subject, finding.Rule));
        Assert.Contains("以上都对", finding.Text);
        Assert.Contains(rule.Check(Single("?", ("甲", true), ("以上都不对", false))), f => f.Rule == AllOrNoneOptionRule.RuleId);
        Assert.Empty(rule.Check(Single("选出正确的一项（  ）。", ("甲", false), ("乙", true), ("丙", false))));
    }

    [Fact]
    public void Key_longest_by_a_clear_margin_is_flagged_and_a_balanced_key_passes()
    {
        var rule = new LongestKeyRule(T);
        var bad = Single("客户分类是指（  ）。", ("按价格", false), ("按地区", false), ("按客户对企业的价值来区分客户并提供差异化服务", true));
        var finding = Assert.Single(rule.Check(bad));
        Assert.Equal("longest-key", finding.Rule);
        Assert.Equal([22, 3], finding.Args);
        var balanced = Single("客户分类是指（  ）。", ("按客户所在的地区划分营业网点", false), ("按客户对企业的价值区分客户", true), ("按客户使用的终端品牌划分", false));
        Assert.Empty(rule.Check(balanced));
        // Slightly longer (not 1.5×) is not "a clear margin".
        Assert.Empty(rule.Check(Single("?", ("一二三四五六七八", false), ("一二三四五六七八九十", true))));
    }

    [Fact]
    public void Unemphasised_negative_ask_is_flagged_and_emphasised_or_non_negative_stems_pass()
    {
        var rule = new NegativeStemRule();
        var finding = Assert.Single(rule.Check(Single("下列各项中，不属于顾客总价值的是（  ）。", ("甲", true), ("乙", false))));
        Assert.Equal(("negative-stem", "不属于"), (finding.Rule, (string)finding.Args[0]));
        Assert.Single(rule.Check(Single("下列说法错误的是（  ）。", ("甲", true), ("乙", false))));
        Assert.Empty(rule.Check(Single("下列各项中，【不属于】顾客总价值的是（  ）。", ("甲", true), ("乙", false))));
        Assert.Empty(rule.Check(Single("下列各项中，**不**属于顾客总价值的是（  ）。", ("甲", true), ("乙", false))));
        Assert.Empty(rule.Check(Single("回答“会不会”这一问题的维度是（  ）。", ("甲", true), ("乙", false))));
        Assert.Empty(rule.Check(Single("提示错误代码691，这一错误的含义是（  ）。", ("甲", true), ("乙", false))));
        Assert.Empty(rule.Check(Single("服务不能被储存、转售或者退回的特性，称为（  ）。", ("甲", true), ("乙", false))));
    }

    [Fact]
    public void Fill_answers_missing_the_form_without_de_or_the_textbook_wording_are_flagged()
    {
        var rule = new FillVariantRule([new WordingPair("同步", "同时")]);
        var findings = rule.Check(Fill(["生产和消费的同时性"])).Select(f => f.Text).ToList();
        Assert.Contains("第 1 空的答案“生产和消费的同时性”缺少明显的变体“生产和消费同时性”：写出同样正确答案的考生会被判错", findings);
        Assert.Contains(findings, f => f.Contains("“生产和消费的同步性”", StringComparison.Ordinal));
        Assert.Empty(rule.Check(Fill(["生产和消费的同时性", "生产和消费同时性", "生产和消费的同步性", "生产和消费同步性"])));
        Assert.Empty(rule.Check(Fill(["目的"], ["顾客总价值"]))); // 的 inside a word is not the particle
    }

    [Fact]
    public void Rules_only_look_at_their_own_question_types()
    {
        var tf = new Question { Id = "t", Type = QuestionType.TrueFalse, Stem = "下列不属于的是（  ）以上都对", TrueFalseAnswer = true };
        var linter = new QuestionLinter();
        Assert.Empty(linter.CheckQuestion(tf).Findings);
    }
}
