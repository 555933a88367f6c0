using CertPlatform.UnitTests.TestData;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.UnitTests.Domain.Exams;

public sealed class AttemptScoringTests
{
    [Fact]
    public void Scores_are_scaled_to_the_points_the_paper_gives()
    {
        var layout = ExamData.Laid("m", [0, 1, 2, 3], points: 2m);
        var full = AttemptScoring.Score(layout, ExamData.Multiple(), new Response { Selected = [0, 1] });
        Assert.Equal(new QuestionScore(2m, 0m, true, true), full);
        var half = AttemptScoring.Score(layout, ExamData.Multiple(), new Response { Selected = [0] });
        Assert.Equal(new QuestionScore(1m, 0m, true, false), half);
    }

    [Fact]
    public void Scaled_scores_round_to_cents_with_halves_away_from_zero()
    {
        // One of two right options (half of 1 raw point) on a question the paper values at 0.05 points: 0.025 → 0.03.
        var s = AttemptScoring.Score(ExamData.Laid("m", [0, 1, 2, 3], points: 0.05m), ExamData.Multiple(), new Response { Selected = [0] });
        Assert.Equal(0.03m, s.AutoScore);
    }

    [Fact]
    public void Responses_are_scored_in_displayed_positions()
    {
        // Displayed d, c, b, a: the right options a and b are shown at 3 and 2.
        var layout = ExamData.Laid("m", [3, 2, 1, 0], points: 2m);
        Assert.True(AttemptScoring.Score(layout, ExamData.Multiple(), new Response { Selected = [2, 3] }).Correct);
        Assert.Equal(0m, AttemptScoring.Score(layout, ExamData.Multiple(), new Response { Selected = [0, 1] }).AutoScore);
    }

    [Fact]
    public void A_blank_or_missing_response_is_unanswered_and_scores_nothing()
    {
        var layout = ExamData.Laid("m", [0, 1, 2, 3], points: 2m);
        Assert.Equal(new QuestionScore(0m, 0m, false, false), AttemptScoring.Score(layout, ExamData.Multiple(), new Response()));
        Assert.Equal(new QuestionScore(0m, 0m, false, false), AttemptScoring.Score(layout, ExamData.Multiple(), null));
    }

    [Fact]
    public void Essay_parts_of_a_case_are_left_for_an_examiner()
    {
        var layout = ExamData.Laid("c", [], points: 8m, parts: new Dictionary<string, IReadOnlyList<int>> { ["c1"] = [], ["c2"] = [] });
        var s = AttemptScoring.Score(layout, ExamData.CaseWithEssay(),
            new Response { Parts = new Dictionary<string, Response> { ["c1"] = new() { TrueFalse = true }, ["c2"] = new() { Text = "我的分析" } } });
        Assert.Equal(2m, s.AutoScore);   // 1 of 4 raw points, scaled to 8
        Assert.Equal(6m, s.ManualMax);   // the essay's 3 raw points, scaled
        Assert.True(s.Correct);          // every automatically graded point earned
    }

    [Fact]
    public void The_total_has_no_verdict_while_an_examiner_still_has_to_grade()
    {
        var waiting = AttemptScoring.Total([new ScoredItem(2m, 8m, NeedsManual: true), new ScoredItem(2m, 2m, false)], passMark: 5m);
        Assert.Equal(new AttemptTotal(4m, 10m, Final: false, Passed: null), waiting);
        var graded = AttemptScoring.Total([new ScoredItem(6m, 8m, false), new ScoredItem(2m, 2m, false)], passMark: 5m);
        Assert.Equal(new AttemptTotal(8m, 10m, Final: true, Passed: true), graded);
    }

    [Fact]
    public void Reaching_the_pass_mark_exactly_passes_and_just_below_fails()
    {
        Assert.True(AttemptScoring.Total([new ScoredItem(60m, 100m, false)], 60m).Passed);
        Assert.False(AttemptScoring.Total([new ScoredItem(59.99m, 100m, false)], 60m).Passed);
        Assert.Equal(new AttemptTotal(0m, 0m, true, true), AttemptScoring.Total([], 0m));
    }
}
