using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Practice;

namespace CertPlatform.UnitTests.Domain.Questions;

public sealed class AnswerVerdictsTests
{
    [Theory]
    [InlineData(1.0, 1.0, AnswerVerdict.Right)]
    [InlineData(0.5, 1.0, AnswerVerdict.Partial)]
    [InlineData(0.001, 1.0, AnswerVerdict.Partial)]
    [InlineData(0.0, 1.0, AnswerVerdict.Wrong)]
    public void A_grade_is_right_on_full_marks_partial_on_some_points_wrong_on_none(double score, double max, AnswerVerdict expected) =>
        Assert.Equal(expected, AnswerVerdicts.Of(new Grade((decimal)score, (decimal)max, false, [])));

    [Fact]
    public void A_grade_an_examiner_still_has_to_give_is_pending_whatever_the_automatic_points()
    {
        Assert.Equal(AnswerVerdict.Pending, AnswerVerdicts.Of(new Grade(0m, 5m, true, [])));
        Assert.Equal(AnswerVerdict.Pending, AnswerVerdicts.Of(new Grade(5m, 5m, true, [])));
        Assert.Equal(AnswerVerdict.Pending, AnswerVerdicts.Of(needsManual: true, fullMarks: true, score: 2m));
    }

    [Fact]
    public void An_exam_item_uses_its_full_marks_flag_not_its_score()
    {
        // A case question whose automatic part was all right keeps "right" after the examiner's part is graded lower.
        Assert.Equal(AnswerVerdict.Right, AnswerVerdicts.Of(needsManual: false, fullMarks: true, score: 3m));
        Assert.Equal(AnswerVerdict.Partial, AnswerVerdicts.Of(needsManual: false, fullMarks: false, score: 3m));
        Assert.Equal(AnswerVerdict.Wrong, AnswerVerdicts.Of(needsManual: false, fullMarks: false, score: 0m));
    }

    [Theory]
    [InlineData(100, AnswerVerdict.Right)]
    [InlineData(99, AnswerVerdict.Partial)]
    [InlineData(1, AnswerVerdict.Partial)]
    [InlineData(0, AnswerVerdict.Wrong)]
    public void A_kept_percentage_has_the_same_three_verdicts(int percent, AnswerVerdict expected) =>
        Assert.Equal(expected, AnswerVerdicts.OfPercent(percent));

    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(0.999, 1.0)]
    [InlineData(0.004, 1.0)]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 3.0)]
    public void A_practice_answer_counts_in_the_summary_as_the_verdict_its_feedback_page_showed(double score, double max)
    {
        var grade = new Grade((decimal)score, (decimal)max, false, []);
        Assert.Equal(AnswerVerdicts.Of(grade), AnswerVerdicts.OfPercent(PracticeLayout.Percent(grade)));
    }

    [Theory]
    [InlineData(AnswerVerdict.Right, "right")]
    [InlineData(AnswerVerdict.Partial, "partial")]
    [InlineData(AnswerVerdict.Wrong, "wrong")]
    [InlineData(AnswerVerdict.Pending, "pending")]
    public void The_page_word_is_the_one_the_styles_and_tests_read(AnswerVerdict verdict, string word) =>
        Assert.Equal(word, verdict.Word());
}
