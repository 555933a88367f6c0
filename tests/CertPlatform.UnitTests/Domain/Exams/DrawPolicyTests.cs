using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Statistics;

namespace CertPlatform.UnitTests.Domain.Exams;

public sealed class DrawPolicyTests
{
    private static DrawCandidate Q(string id, int difficulty, ObservedQuality? observed = null) => new(id, "p1", "l1", "Single", difficulty, [], observed);

    private static readonly ObservedQuality TooEasy = new(40, 0.97, [FlagKind.TooEasy]);
    private static readonly ObservedQuality NegativeAndHard = new(40, 0.1, [FlagKind.TooHard, FlagKind.NegativeDiscrimination]);

    [Fact]
    public void Flagged_questions_are_never_drawn_when_the_policy_excludes_them_and_feasibility_says_why()
    {
        var pool = new[] { Q("a", 3), Q("b", 3), Q("easy", 3, TooEasy), Q("bad", 3, NegativeAndHard), Q("fine", 3, new ObservedQuality(40, 0.6, [])) };
        var section = new BlueprintSection("s", 3, 1m);
        var policy = new DrawPolicy(ExcludeFlagged: true);
        for (var seed = 0; seed < 50; seed++)
        {
            var drawn = Blueprint.Draw([section], pool, new HashSet<string>(), seed, policy).Select(d => d.Id).ToList();
            Assert.Equal(["a", "b", "fine"], drawn.Order());
        }
        var f = Blueprint.Feasibility([section], pool, policy: policy).Single();
        Assert.Equal(3, f.Available);
        Assert.Equal(2, f.Excluded);
        Assert.Equal(new Dictionary<FlagKind, int> { [FlagKind.TooEasy] = 1, [FlagKind.TooHard] = 1, [FlagKind.NegativeDiscrimination] = 1 }, f.ExcludedByFlag);
        // Without the policy nothing is excluded, and asking for more than is left fails naming the section.
        Assert.Equal((5, 0), (Blueprint.Feasibility([section], pool).Single().Available, Blueprint.Feasibility([section], pool).Single().Excluded));
        var tooMany = Assert.Throws<InvalidOperationException>(() => Blueprint.Draw([section with { Count = 4 }], pool, new HashSet<string>(), 1, policy));
        Assert.Contains("'s'", tooMany.Message);
    }

    [Fact]
    public void Observed_facility_replaces_authored_difficulty_once_a_question_has_enough_responses()
    {
        var policy = new DrawPolicy(UseObservedFacility: true, MinResponses: 30);
        Assert.Equal(1.0, Q("x", 5, new ObservedQuality(30, 1.0, [])).Hardness(policy), 9);   // everyone right: easiest
        Assert.Equal(5.0, Q("x", 1, new ObservedQuality(30, 0.0, [])).Hardness(policy), 9);   // nobody right: hardest
        Assert.Equal(3.0, Q("x", 1, new ObservedQuality(30, 0.5, [])).Hardness(policy), 9);
        Assert.Equal(4, Q("x", 4, new ObservedQuality(29, 0.5, [])).Hardness(policy));      // too few responses: authored
        Assert.Equal(4, Q("x", 4, new ObservedQuality(30, 0.5, [])).Hardness(DrawPolicy.Authored));
    }

    [Fact]
    public void Parallel_papers_stay_equally_hard_on_observed_facility()
    {
        // Authored difficulty says all are 3, but observation shows half are easy (facility 0.9) and half hard (0.1).
        var pool = Enumerable.Range(0, 20).Select(i => Q($"q{i}", 3, new ObservedQuality(50, i % 2 == 0 ? 0.9 : 0.1, []))).ToList();
        var section = new BlueprintSection("s", 4, 1m);
        var policy = new DrawPolicy(UseObservedFacility: true);
        foreach (var seed in Enumerable.Range(0, 30))
        {
            var drawn = Blueprint.Draw([section], pool, new HashSet<string>(), seed, policy);
            var mean = drawn.Average(d => pool.Single(c => c.Id == d.Id).Hardness(policy));
            Assert.InRange(mean, 3 - 0.25, 3 + 0.25); // two easy and two hard every time
        }
    }
}
