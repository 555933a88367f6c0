using CertPlatform.Web.Domain.Exams;

namespace CertPlatform.UnitTests.Domain.Exams;

public sealed class BlueprintTests
{
    private static List<DrawCandidate> Bank(int perPart = 40) =>
        Enumerable.Range(0, 4).SelectMany(p => Enumerable.Range(0, perPart).Select(i =>
            new DrawCandidate($"p{p + 1}-q{i:000}", $"part{p + 1}", $"p{p + 1}-l{i % 5}", i % 3 == 0 ? "Multiple" : "Single", 1 + i % 5, i % 4 == 0 ? ["重点"] : [])))
        .ToList();

    private static readonly BlueprintSection[] Paper =
    [
        new("第一部分", 14, 2.5m, PartId: "part1"),
        new("第二部分", 12, 2.5m, PartId: "part2"),
        new("第三部分", 8, 2.5m, PartId: "part3"),
        new("第四部分多选", 6, 2.5m, PartId: "part4", Type: "Multiple"),
    ];

    [Fact]
    public void Each_section_gets_its_count_from_matching_questions_without_repeats()
    {
        var bank = Bank();
        var paper = Blueprint.Draw(Paper, bank, new HashSet<string>(), seed: 1);
        Assert.Equal(40, paper.Count);
        Assert.Equal(paper.Count, paper.Select(q => q.Id).Distinct().Count());
        Assert.Equal(100m, paper.Sum(q => q.Points));
        for (var s = 0; s < Paper.Length; s++)
            Assert.All(paper.Where(q => q.Section == s), q => Assert.True(Paper[s].Accepts(bank.Single(c => c.Id == q.Id))));
        Assert.Equal([14, 12, 8, 6], Enumerable.Range(0, 4).Select(s => paper.Count(q => q.Section == s)));
    }

    [Fact]
    public void Questions_seen_in_earlier_attempts_are_avoided_while_the_bank_allows()
    {
        var bank = Bank();
        var first = Blueprint.Draw(Paper, bank, new HashSet<string>(), seed: 1);
        var seen = first.Select(q => q.Id).ToHashSet();
        var second = Blueprint.Draw(Paper, bank, seen, seed: 2);
        // part1 has 40 questions, 14 drawn before: 26 unseen are enough for 14.
        Assert.DoesNotContain(second.Where(q => q.Section == 0), q => seen.Contains(q.Id));
        // part4 has only 14 multiple-choice questions: after 6 + 6 the third attempt must repeat 4.
        var seen2 = seen.Concat(second.Select(q => q.Id)).ToHashSet();
        var third = Blueprint.Draw(Paper, bank, seen2, seed: 3);
        Assert.Equal(4, third.Count(q => q.Section == 3 && seen2.Contains(q.Id)));
    }

    [Fact]
    public void Drawn_papers_have_comparable_difficulty()
    {
        var bank = Bank(200);
        var lookup = bank.ToDictionary(c => c.Id);
        var means = Enumerable.Range(0, 30)
            .Select(seed => Blueprint.Draw(Paper, bank, new HashSet<string>(), seed).Where(q => q.Section == 0).Average(q => lookup[q.Id].Difficulty))
            .ToList();
        var poolMean = bank.Where(c => c.PartId == "part1").Average(c => c.Difficulty);
        Assert.All(means, m => Assert.InRange(m, poolMean - 0.25, poolMean + 0.25));
    }

    [Fact]
    public void An_infeasible_section_is_named()
    {
        var bank = Bank(10);
        var feasibility = Blueprint.Feasibility(Paper, bank);
        Assert.Equal([false, false, true, false], feasibility.Select(f => f.Feasible));
        Assert.Equal(10, feasibility[0].Available);
        var ex = Assert.Throws<InvalidOperationException>(() => Blueprint.Draw(Paper, bank, new HashSet<string>(), 1));
        Assert.Contains("第一部分", ex.Message);
    }

    [Fact]
    public void Section_filters_combine_lesson_tag_type_and_difficulty()
    {
        var s = new BlueprintSection("x", 1, 1, LessonId: "p1-l0", Tag: "重点", MinDifficulty: 1, MaxDifficulty: 1);
        Assert.True(s.Accepts(new DrawCandidate("a", "part1", "p1-l0", "Single", 1, ["重点"])));
        Assert.False(s.Accepts(new DrawCandidate("b", "part1", "p1-l0", "Single", 2, ["重点"])));
        Assert.False(s.Accepts(new DrawCandidate("c", "part1", "p1-l1", "Single", 1, ["重点"])));
        Assert.False(s.Accepts(new DrawCandidate("d", "part1", "p1-l0", "Single", 1, [])));
    }
}
