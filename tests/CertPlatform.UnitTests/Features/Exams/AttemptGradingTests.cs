using CertPlatform.UnitTests.TestData;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Exams;

namespace CertPlatform.UnitTests.Features.Exams;

/// <summary>The entity side of grading: scores and totals from Domain/Exams copied onto items and the attempt.</summary>
public sealed class AttemptGradingTests
{
    [Fact]
    public void A_graded_item_carries_the_question_its_version_section_part_and_score()
    {
        var layout = ExamData.Laid("m", [0, 1, 2, 3], points: 2m, questionRef: 4);
        var item = AttemptGrading.Grade("a1", layout, ExamData.Multiple(), "part1", new Response { Selected = [0] });
        Assert.Equal(("a1", 4, "m", 1, "p1-x", "part1"), (item.AttemptId, item.QuestionRef, item.QuestionId, item.Version, item.LessonId, item.PartId));
        Assert.Equal((2m, 1m, 0m, true, false), (item.Points, item.AutoScore, item.ManualMax, item.Answered, item.Correct));
    }

    [Fact]
    public void The_attempt_gets_its_verdict_only_when_the_examiner_has_graded()
    {
        var layout = ExamData.Laid("c", [], points: 8m, parts: new Dictionary<string, IReadOnlyList<int>> { ["c1"] = [], ["c2"] = [] });
        var item = AttemptGrading.Grade("a1", layout, ExamData.CaseWithEssay(), "part2",
            new Response { Parts = new Dictionary<string, Response> { ["c1"] = new() { TrueFalse = true }, ["c2"] = new() { Text = "我的分析" } } });
        Assert.True(item.NeedsManual);

        var attempt = ExamData.FinishedAttempt(passMark: 5m);
        AttemptGrading.Total(attempt, [item], DateTimeOffset.UnixEpoch);
        Assert.Equal(GradingStatus.AwaitingManual, attempt.Grading);
        Assert.Null(attempt.Passed);

        item.ManualScore = 4m;
        AttemptGrading.Total(attempt, [item], DateTimeOffset.UnixEpoch.AddHours(1));
        Assert.Equal((GradingStatus.Final, 6m, 8m, true), (attempt.Grading, attempt.Score, attempt.MaxScore, attempt.Passed));
        Assert.Equal(DateTimeOffset.UnixEpoch.AddHours(1), attempt.GradedAt);
    }
}
