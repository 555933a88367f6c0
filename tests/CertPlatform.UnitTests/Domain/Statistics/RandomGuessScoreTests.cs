using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Domain.Statistics;

namespace CertPlatform.UnitTests.Domain.Statistics;

public sealed class RandomGuessScoreTests
{
    [Fact]
    public void Guessing_scores_follow_the_platform_grading_rules()
    {
        var single = new Question { Id = "s", Type = QuestionType.Single, Stem = "?", Options = [new("a", true), new("b", false), new("c", false), new("d", false)] };
        Assert.Equal(0.25, RandomGuessScore.Of(single));
        Assert.Equal(0.5, RandomGuessScore.Of(new Question { Id = "t", Type = QuestionType.TrueFalse, Stem = "?", TrueFalseAnswer = true }));
        Assert.Equal(1.0 / 3, RandomGuessScore.Of(new Question { Id = "m", Type = QuestionType.Matching, Stem = "?", Pairs = [new("1", "a"), new("2", "b"), new("3", "c")] }));
        Assert.Equal(0, RandomGuessScore.Of(new Question { Id = "f", Type = QuestionType.Fill, Stem = "__", Blanks = [["x"]] }));
        Assert.Null(RandomGuessScore.Of(new Question { Id = "e", Type = QuestionType.Essay, Stem = "?", Rubric = "r", Points = 5 }));
        var multiple = new Question { Id = "mu", Type = QuestionType.Multiple, Stem = "?", Options = [new("a", true), new("b", true), new("c", false)] };
        var guess = RandomGuessScore.Of(multiple)!.Value;
        Assert.InRange(guess, 0, 1);
        var expected = Enumerable.Range(1, 7).Average(mask => (double)Grader.Grade(multiple,
            new Response { Selected = Enumerable.Range(0, 3).Where(i => (mask & (1 << i)) != 0).ToList() }).Score);
        Assert.Equal(expected, guess, 9);
    }
}
