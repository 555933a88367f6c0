using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Analytics;

namespace CertPlatform.UnitTests.Features.Analytics;

public sealed class ResponseTallyTests
{
    private static readonly Question Choice = new()
    {
        Id = "q1", Type = QuestionType.Single, Stem = "题", LessonId = "l1",
        Options = [new ChoiceOption("甲", true), new ChoiceOption("乙", false), new ChoiceOption("丙", false)],
    };

    private static readonly Question Fill = new() { Id = "q2", Type = QuestionType.Fill, Stem = "填", LessonId = "l1" };

    [Fact]
    public void Digest_choices_rank_attempts_by_total_with_ties_in_attempt_order_whatever_order_they_arrive_in()
    {
        var tally = new ResponseTally(new Dictionary<string, Question> { ["q1 v1"] = Choice, ["q2 v1"] = Fill });
        Assert.Null(tally.For("q2 v1")); // no options: nothing to tally
        Assert.Null(tally.For("q9 v1")); // not analysed
        var column = tally.For("q1 v1", 4)!;
        // Totals by attempt: 2, 3, 3, 1 → ranking 1, 2, 0, 3; groups of round(0.27 × 4) = 1: top attempt 1, bottom attempt 3.
        column.Add(3, [1]);
        column.Add(2, [2]);
        column.Add(1, [0]);
        column.Add(0, [0]);
        tally.Complete([2, 3, 3, 1]);
        var options = tally.Options("q1 v1");
        Assert.Equal([2, 1, 1], options.Select(o => o.Count));
        Assert.Equal([1, 0, 0], options.Select(o => o.TopCount)); // attempt 2 ties with 1 but comes later
        Assert.Equal([0, 1, 0], options.Select(o => o.BottomCount));
        Assert.Empty(tally.Options("q2 v1"));
    }

    [Fact]
    public void A_version_nobody_answered_lists_its_options_with_no_choices()
    {
        var tally = new ResponseTally(new Dictionary<string, Question> { ["q1 v1"] = Choice });
        tally.Complete([]);
        var options = tally.Options("q1 v1");
        Assert.Equal(3, options.Count);
        Assert.All(options, o => Assert.Equal((0, 0.0), (o.Count, o.Fraction)));
    }
}
