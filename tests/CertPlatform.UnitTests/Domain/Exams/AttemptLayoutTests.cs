using CertPlatform.UnitTests.TestData;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.UnitTests.Domain.Exams;

public sealed class AttemptLayoutTests
{
    private static List<PaperQuestion> Paper() =>
    [
        new(ExamData.Single("s1"), 1, 0, 1m), new(ExamData.Single("s2", 5), 1, 0, 1m), new(ExamData.Single("s3"), 2, 0, 1m),
        new(ExamData.Ordering("o1", 4), 1, 1, 2m), new(ExamData.Matching("m1", 3), 3, 1, 2m),
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
        var q = ExamData.Single("s1");
        var layout = ExamData.Laid("s1", [2, 0, 3, 1]);
        Assert.Equal([0], AttemptLayout.ToAuthored(q, layout, new Response { Selected = [1] }).Selected);
        Assert.True(Grader.Grade(q, AttemptLayout.ToAuthored(q, layout, new Response { Selected = [1] })).FullMarks);
        Assert.False(Grader.Grade(q, AttemptLayout.ToAuthored(q, layout, new Response { Selected = [0] })).FullMarks);
        Assert.Empty(AttemptLayout.ToAuthored(q, layout, new Response { Selected = [9] }).Selected);
    }

    [Fact]
    public void Displayed_ordering_and_matching_answers_map_back()
    {
        var o = ExamData.Ordering("o1", 4);
        var ol = ExamData.Laid("o1", [3, 1, 0, 2], points: 2m);
        // Shown: d, b, a, c. The candidate puts them a, b, c, d = displayed 2, 1, 3, 0.
        Assert.True(Grader.Grade(o, AttemptLayout.ToAuthored(o, ol, new Response { Order = [2, 1, 3, 0] })).FullMarks);
        var m = ExamData.Matching("m1", 3);
        var ml = ExamData.Laid("m1", [2, 0, 1], points: 2m);
        // Right column shown: r3, r1, r2. l1→r1 is displayed 1, l2→r2 is 2, l3→r3 is 0.
        Assert.True(Grader.Grade(m, AttemptLayout.ToAuthored(m, ml, new Response { Matches = [1, 2, 0] })).FullMarks);
    }

    [Fact]
    public void Different_seeds_usually_differ()
    {
        var paper = Enumerable.Range(0, 10).Select(i => new PaperQuestion(ExamData.Single($"q{i}"), 1, 0, 1m)).ToList();
        var layouts = Enumerable.Range(0, 20).Select(s => string.Join(",", AttemptLayout.Freeze(paper, true, true, s).Select(q => q.QuestionId))).Distinct().Count();
        Assert.True(layouts > 15);
    }

    [Fact]
    public void Two_item_ordering_and_matching_come_out_in_either_order()
    {
        var paper = new List<PaperQuestion> { new(ExamData.Ordering("o2", 2), 1, 0, 1m), new(ExamData.Matching("m2", 2), 1, 0, 1m) };
        var orders = Enumerable.Range(0, 200).Select(seed => AttemptLayout.Freeze(paper, false, false, seed))
            .SelectMany(l => l.Select(q => (q.QuestionId, Order: string.Join(",", q.Order)))).ToList();
        foreach (var id in new[] { "o2", "m2" })
        {
            var seen = orders.Where(o => o.QuestionId == id).GroupBy(o => o.Order).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(["0,1", "1,0"], seen.Keys.Order());
            Assert.All(seen.Values, n => Assert.InRange(n, 60, 140)); // a fair coin over 200 draws, not always swapped
        }
    }

    [Fact]
    public void Three_or_more_items_never_show_the_key_order_and_every_other_order_occurs()
    {
        var paper = new List<PaperQuestion> { new(ExamData.Ordering("o3", 3), 1, 0, 1m) };
        var seen = Enumerable.Range(0, 300).Select(seed => string.Join(",", AttemptLayout.Freeze(paper, false, false, seed)[0].Order)).ToHashSet();
        Assert.DoesNotContain("0,1,2", seen);
        Assert.Equal(5, seen.Count); // the 5 orders other than the key
    }
}
