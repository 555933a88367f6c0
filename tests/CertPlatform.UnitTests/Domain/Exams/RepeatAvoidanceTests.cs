using CertPlatform.Web.Domain.Exams;

namespace CertPlatform.UnitTests.Domain.Exams;

public sealed class RepeatAvoidanceTests
{
    private static DrawCandidate Q(string id, string type = "Single", int difficulty = 3) => new(id, "p1", "l1", type, difficulty, []);

    private static readonly BlueprintSection Section = new("单选", 3, 1m, Type: "Single");

    [Fact]
    public void A_second_attempt_draws_none_of_the_first_attempts_questions_while_the_pool_allows()
    {
        var pool = Enumerable.Range(1, 6).Select(i => Q($"q{i}", difficulty: 1 + i % 5)).ToList();
        for (var seed = 0; seed < 40; seed++)
        {
            var first = Blueprint.Draw([Section], pool, new HashSet<string>(), seed);
            var seen = first.Select(d => d.Id).ToHashSet();
            var second = Blueprint.Draw([Section], pool, seen, seed + 1000);
            Assert.Empty(second.Select(d => d.Id).Intersect(seen));
            Assert.Equal(0, RepeatAvoidance.Repeats(second, seen));
        }
    }

    [Fact]
    public void When_the_pool_is_too_small_repeats_are_allowed_only_for_the_shortfall_and_counted()
    {
        var pool = Enumerable.Range(1, 4).Select(i => Q($"q{i}")).ToList();
        var seen = new HashSet<string> { "q1", "q2", "q3" };
        var drawn = Blueprint.Draw([Section], pool, seen, 7);
        Assert.Contains("q4", drawn.Select(d => d.Id)); // the one unseen question is always taken
        Assert.Equal(2, RepeatAvoidance.Repeats(drawn, seen));
    }

    [Fact]
    public void Split_keeps_order_and_separates_seen_questions()
    {
        var (unseen, again) = RepeatAvoidance.Split([Q("a"), Q("b"), Q("c"), Q("d")], new HashSet<string> { "b", "d" });
        Assert.Equal(["a", "c"], unseen.Select(c => c.Id));
        Assert.Equal(["b", "d"], again.Select(c => c.Id));
    }

    [Fact]
    public void Feasibility_for_two_attempts_needs_twice_each_sections_count_from_questions_not_used_by_earlier_sections()
    {
        var sections = new[] { Section, new BlueprintSection("判断", 2, 1m, Type: "TrueFalse") };
        var pool = Enumerable.Range(1, 6).Select(i => Q($"s{i}")).Concat(Enumerable.Range(1, 3).Select(i => Q($"t{i}", "TrueFalse"))).ToList();
        Assert.True(RepeatAvoidance.FeasibleWithoutRepeats(sections, pool, 1));
        var two = RepeatAvoidance.ForAttempts(sections, pool, 2);
        Assert.Equal([(6, 6, true), (4, 3, false)], two.Select(f => (f.Section.Count, f.Available, f.Feasible)));
        Assert.False(RepeatAvoidance.FeasibleWithoutRepeats(sections, pool, 2));
        Assert.True(RepeatAvoidance.FeasibleWithoutRepeats(sections, [.. pool, Q("t4", "TrueFalse")], 2));
    }
}
