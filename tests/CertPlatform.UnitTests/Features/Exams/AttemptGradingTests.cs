using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Exams;
using CertPlatform.Web.Features.QuestionBank;

namespace CertPlatform.UnitTests.Features.Exams;

public sealed class AttemptGradingTests
{
    private static readonly Dictionary<string, IReadOnlyList<int>> NoParts = new();

    private static Question Multiple() => new()
    {
        Id = "m", Type = QuestionType.Multiple, Stem = "m", LessonId = "p1-x",
        Options = [new("a", true), new("b", true), new("c", false), new("d", false)],
    };

    [Fact]
    public void Scores_are_scaled_to_the_points_the_paper_gives()
    {
        var q = Multiple();
        var layout = new LaidOutQuestion(0, "m", 1, 0, 2m, [0, 1, 2, 3], NoParts);
        var full = AttemptGrading.Grade("a1", layout, q, "part1", new Response { Selected = [0, 1] });
        Assert.Equal(2m, full.AutoScore);
        Assert.True(full.Correct);
        var half = AttemptGrading.Grade("a1", layout, q, "part1", new Response { Selected = [0] });
        Assert.Equal(1m, half.AutoScore);
        Assert.False(half.Correct);
        Assert.Equal("part1", half.PartId);
    }

    [Fact]
    public void A_blank_response_is_unanswered_and_scores_nothing()
    {
        var item = AttemptGrading.Grade("a1", new LaidOutQuestion(0, "m", 1, 0, 2m, [0, 1, 2, 3], NoParts), Multiple(), "part1", new Response());
        Assert.False(item.Answered);
        Assert.Equal(0m, item.AutoScore);
    }

    [Fact]
    public void Essay_parts_of_a_case_wait_for_an_examiner_and_keep_the_verdict_open()
    {
        var q = new Question
        {
            Id = "c", Type = QuestionType.Case, Stem = "c", Scenario = "s",
            Parts =
            [
                new Question { Id = "c1", Type = QuestionType.TrueFalse, Stem = "t", TrueFalseAnswer = true, Points = 1 },
                new Question { Id = "c2", Type = QuestionType.Essay, Stem = "e", Rubric = "r", Points = 3 },
            ],
        };
        var layout = new LaidOutQuestion(0, "c", 1, 0, 8m, [], new Dictionary<string, IReadOnlyList<int>> { ["c1"] = [], ["c2"] = [] });
        var item = AttemptGrading.Grade("a1", layout, q, "part2",
            new Response { Parts = new Dictionary<string, Response> { ["c1"] = new() { TrueFalse = true }, ["c2"] = new() { Text = "我的分析" } } });
        Assert.Equal(2m, item.AutoScore);   // 1 of 4 raw points, scaled to 8
        Assert.Equal(6m, item.ManualMax);
        Assert.True(item.NeedsManual);

        var attempt = new Attempt { Id = "a1", PaperId = "p", UserId = "u", Status = AttemptStatus.Finished, LayoutJson = "[]", PassMark = 5m };
        AttemptGrading.Total(attempt, [item], DateTimeOffset.UnixEpoch);
        Assert.Equal(GradingStatus.AwaitingManual, attempt.Grading);
        Assert.Null(attempt.Passed);

        item.ManualScore = 4m;
        AttemptGrading.Total(attempt, [item], DateTimeOffset.UnixEpoch);
        Assert.Equal(GradingStatus.Final, attempt.Grading);
        Assert.Equal(6m, attempt.Score);
        Assert.True(attempt.Passed);
    }

    [Fact]
    public void The_question_view_carries_no_key_explanation_or_rubric()
    {
        var q = Multiple() with { Explanation = "解析：A和B", Rubric = "评分要点" };
        var view = QuestionViews.Of(q, new LaidOutQuestion(3, "m", 1, 0, 2m, [3, 2, 1, 0], NoParts));
        var json = System.Text.Json.JsonSerializer.Serialize(view);
        Assert.DoesNotContain("解析", json);
        Assert.DoesNotContain("评分要点", json);
        Assert.DoesNotContain("orrect", json);
        Assert.Equal(["d", "c", "b", "a"], view.Options.Select(o => o.Text));
    }
}
