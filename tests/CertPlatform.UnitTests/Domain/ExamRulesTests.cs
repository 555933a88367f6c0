using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Domain.Exams;

namespace CertPlatform.UnitTests.Domain;

public sealed class AttemptDeadlineTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Deadline_is_start_plus_limit_plus_allowance()
    {
        Assert.Equal(Start.AddMinutes(100), AttemptDeadline.Compute(Start, TimeSpan.FromMinutes(90), TimeSpan.FromMinutes(10), null));
    }

    [Fact]
    public void The_paper_close_time_caps_the_deadline_even_with_an_allowance()
    {
        var close = Start.AddMinutes(60);
        Assert.Equal(close, AttemptDeadline.Compute(Start, TimeSpan.FromMinutes(90), TimeSpan.FromMinutes(15), close));
        Assert.Equal(Start.AddMinutes(90), AttemptDeadline.Compute(Start, TimeSpan.FromMinutes(90), TimeSpan.Zero, Start.AddHours(3)));
    }

    [Fact]
    public void Bad_limits_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AttemptDeadline.Compute(Start, TimeSpan.Zero, TimeSpan.Zero, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => AttemptDeadline.Compute(Start, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(-1), null));
    }

    [Fact]
    public void Overdue_attempts_finish_at_the_deadline_not_when_noticed()
    {
        var deadline = Start.AddMinutes(90);
        Assert.Equal(deadline, AttemptDeadline.FinishTime(deadline, deadline.AddHours(5)));
        Assert.Equal(Start.AddMinutes(30), AttemptDeadline.FinishTime(deadline, Start.AddMinutes(30)));
        Assert.True(AttemptDeadline.AcceptsAnswers(deadline, TimeSpan.FromSeconds(5), deadline.AddSeconds(5)));
        Assert.False(AttemptDeadline.AcceptsAnswers(deadline, TimeSpan.FromSeconds(5), deadline.AddSeconds(6)));
    }
}

public sealed class AttemptLayoutTests
{
    private static Question Single(string id, int options = 4) => new()
    {
        Id = id, Type = QuestionType.Single, Stem = id,
        Options = Enumerable.Range(0, options).Select(i => new ChoiceOption($"{id}-o{i}", i == 0)).ToList(),
    };

    private static Question Ordering(string id) => new() { Id = id, Type = QuestionType.Ordering, Stem = id, Items = ["a", "b", "c", "d"] };

    private static Question Matching(string id) => new()
    {
        Id = id, Type = QuestionType.Matching, Stem = id, Pairs = [new("l1", "r1"), new("l2", "r2"), new("l3", "r3")],
    };

    private static List<PaperQuestion> Paper() =>
    [
        new(Single("s1"), 1, 0, 1m), new(Single("s2", 5), 1, 0, 1m), new(Single("s3"), 2, 0, 1m),
        new(Ordering("o1"), 1, 1, 2m), new(Matching("m1"), 3, 1, 2m),
    ];

    [Fact]
    public void The_same_seed_gives_the_same_layout_and_every_index_appears_once()
    {
        var a = AttemptLayout.Freeze(Paper(), true, true, 42);
        var b = AttemptLayout.Freeze(Paper(), true, true, 42);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(a), System.Text.Json.JsonSerializer.Serialize(b));
        Assert.Equal(["m1", "o1", "s1", "s2", "s3"], a.Select(q => q.QuestionId).Order());
        Assert.Equal(Enumerable.Range(0, a.Count), a.Select(q => q.Ref));
        var s2 = a.Single(q => q.QuestionId == "s2");
        Assert.Equal(Enumerable.Range(0, 5), s2.Order.Order());
        Assert.Equal(2, a.Single(q => q.QuestionId == "s3").Version);
    }

    [Fact]
    public void Sections_stay_in_paper_order_when_questions_are_shuffled()
    {
        foreach (var seed in Enumerable.Range(0, 30))
            Assert.Equal([0, 0, 0, 1, 1], AttemptLayout.Freeze(Paper(), true, true, seed).Select(q => q.Section));
    }

    [Fact]
    public void Without_shuffling_choices_keep_their_order_but_ordering_and_matching_never_show_the_key()
    {
        foreach (var seed in Enumerable.Range(0, 50))
        {
            var l = AttemptLayout.Freeze(Paper(), false, false, seed);
            Assert.Equal(["s1", "s2", "s3", "o1", "m1"], l.Select(q => q.QuestionId));
            Assert.Equal([0, 1, 2, 3], l[0].Order);
            Assert.NotEqual([0, 1, 2, 3], l[3].Order);
            Assert.NotEqual([0, 1, 2], l[4].Order);
        }
    }

    [Fact]
    public void Displayed_choices_map_back_to_authored_options_for_grading()
    {
        var q = Single("s1");
        var layout = new LaidOutQuestion(0, "s1", 1, 0, 1m, [2, 0, 3, 1], new Dictionary<string, IReadOnlyList<int>>());
        Assert.Equal([0], AttemptLayout.ToAuthored(q, layout, new Response { Selected = [1] }).Selected);
        Assert.True(Grader.Grade(q, AttemptLayout.ToAuthored(q, layout, new Response { Selected = [1] })).FullMarks);
        Assert.False(Grader.Grade(q, AttemptLayout.ToAuthored(q, layout, new Response { Selected = [0] })).FullMarks);
        Assert.Empty(AttemptLayout.ToAuthored(q, layout, new Response { Selected = [9] }).Selected);
    }

    [Fact]
    public void Displayed_ordering_and_matching_answers_map_back()
    {
        var o = Ordering("o1");
        var ol = new LaidOutQuestion(0, "o1", 1, 0, 2m, [3, 1, 0, 2], new Dictionary<string, IReadOnlyList<int>>());
        // Shown: d, b, a, c. The candidate puts them a, b, c, d = displayed 2, 1, 3, 0.
        Assert.True(Grader.Grade(o, AttemptLayout.ToAuthored(o, ol, new Response { Order = [2, 1, 3, 0] })).FullMarks);
        var m = Matching("m1");
        var ml = new LaidOutQuestion(0, "m1", 1, 0, 2m, [2, 0, 1], new Dictionary<string, IReadOnlyList<int>>());
        // Right column shown: r3, r1, r2. l1→r1 is displayed 1, l2→r2 is 2, l3→r3 is 0.
        Assert.True(Grader.Grade(m, AttemptLayout.ToAuthored(m, ml, new Response { Matches = [1, 2, 0] })).FullMarks);
    }

    [Fact]
    public void Different_seeds_usually_differ()
    {
        var paper = Enumerable.Range(0, 10).Select(i => new PaperQuestion(Single($"q{i}"), 1, 0, 1m)).ToList();
        var layouts = Enumerable.Range(0, 20).Select(s => string.Join(",", AttemptLayout.Freeze(paper, true, true, s).Select(q => q.QuestionId))).Distinct().Count();
        Assert.True(layouts > 15);
    }
}

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
