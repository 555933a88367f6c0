using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Domain.Questions.Lint;

namespace CertPlatform.UnitTests.Domain.Questions.Lint;

public sealed class QuestionLinterTests
{
    private static readonly Question Flawed = QuestionLintRuleTests.Single("选出正确的一项（  ）。", ("甲", false), ("乙", false), ("以上都对", true));

    [Fact]
    public void A_silence_with_a_reason_moves_the_finding_to_silenced()
    {
        var q = Flawed with { LintIgnore = [new LintSilence("all-or-none-option", "考查的正是“全部正确”的判断")] };
        var report = new QuestionLinter().CheckQuestion(q);
        Assert.True(report.Ok);
        Assert.Equal("all-or-none-option", Assert.Single(report.Silenced).Rule);
    }

    [Fact]
    public void A_silence_without_a_reason_is_itself_an_error_and_silences_nothing()
    {
        var q = Flawed with { LintIgnore = [new LintSilence("all-or-none-option", " ")] };
        var report = new QuestionLinter().CheckQuestion(q);
        Assert.Equal(["all-or-none-option", "lint-ignore"], report.Findings.Select(f => f.Rule).Order());
        Assert.Contains(report.Findings, f => f.Text.Contains("没有写理由", StringComparison.Ordinal));
    }

    [Fact]
    public void Silencing_an_unknown_or_bank_level_rule_is_an_error()
    {
        var q = QuestionLintRuleTests.Single("?", ("甲", true), ("乙", false)) with
        {
            LintIgnore = [new LintSilence("longest-keys", "拼错了"), new LintSilence("truefalse-balance", "整库的规则")],
        };
        var findings = new QuestionLinter().CheckQuestion(q).Findings;
        Assert.Equal(2, findings.Count(f => f.Rule == QuestionLinter.SilenceRuleId));
    }

    [Fact]
    public void Retired_questions_are_left_out_of_the_bank_check()
    {
        var bank = new[] { new LintSubject(Flawed with { Status = QuestionStatus.Retired }, "part1") };
        Assert.True(new QuestionLinter().Check(bank).Ok);
        Assert.False(new QuestionLinter().Check([new LintSubject(Flawed, "part1")]).Ok);
    }

    [Fact]
    public void Case_parts_are_linted_as_questions()
    {
        var kase = new Question { Id = "c1", Type = QuestionType.Case, Stem = "阅读案例", Scenario = "案例", Parts = [Flawed with { Id = "c1a" }] };
        Assert.Equal("c1a", Assert.Single(new QuestionLinter().CheckQuestion(kase).Findings).Subject);
    }

    [Fact]
    public void Silences_survive_the_question_json_and_absent_ones_leave_it_unchanged()
    {
        var silenced = Flawed with { LintIgnore = [new LintSilence("all-or-none-option", "理由")] };
        var back = QuestionJson.Deserialize(QuestionJson.Serialize(silenced));
        Assert.Equal(("all-or-none-option", "理由"), (back.LintIgnore![0].Rule, back.LintIgnore[0].Reason));
        Assert.DoesNotContain("lintIgnore", QuestionJson.Serialize(Flawed), StringComparison.Ordinal);
    }
}
