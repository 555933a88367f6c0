using CertPlatform.UnitTests.TestData;
using CertPlatform.Web.Features.QuestionBank;

namespace CertPlatform.UnitTests.Features.QuestionBank;

public sealed class QuestionViewsTests
{
    [Fact]
    public void The_question_view_carries_no_key_explanation_or_rubric_and_shows_the_frozen_order()
    {
        var q = ExamData.Multiple() with { Explanation = "解析：A和B", Rubric = "评分要点" };
        var view = QuestionViews.Of(q, ExamData.Laid("m", [3, 2, 1, 0], points: 2m, questionRef: 3));
        var json = System.Text.Json.JsonSerializer.Serialize(view);
        Assert.DoesNotContain("解析", json);
        Assert.DoesNotContain("评分要点", json);
        Assert.DoesNotContain("orrect", json);
        Assert.Equal(["d", "c", "b", "a"], view.Options.Select(o => o.Text));
        Assert.Equal((3, "multiple", 2m), (view.Ref, view.Type, view.Points));
    }
}
