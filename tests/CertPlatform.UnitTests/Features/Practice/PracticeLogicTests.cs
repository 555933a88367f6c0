using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Practice;
using CertPlatform.Web.Features.QuestionBank;
using Microsoft.AspNetCore.DataProtection;

namespace CertPlatform.UnitTests.Features.Practice;

public sealed class PracticeLogicTests
{
    private static Question Single() => new()
    {
        Id = "s", Type = QuestionType.Single, Stem = "s", LessonId = "p1-x",
        Options = [new("a", false), new("b", true), new("c", false), new("d", false)],
    };

    private static Question Ordering() => new()
    {
        Id = "o", Type = QuestionType.Ordering, Stem = "o", LessonId = "p1-x", Items = ["一", "二", "三", "四"],
    };

    private static Question Case(params Question[] parts) => new()
    {
        Id = "c", Type = QuestionType.Case, Stem = "c", Scenario = "情景", LessonId = "p1-x", Parts = parts,
    };

    private static readonly Question Essay = new() { Id = "e", Type = QuestionType.Essay, Stem = "e", Rubric = "r", Points = 5 };

    private static readonly Question Fill = new()
    {
        Id = "f", Type = QuestionType.Fill, Stem = "客户{{1}}与{{2}}", Blanks = [["忠诚"], ["满意", "满意度"]],
    };

    private static readonly Question Matching = new()
    {
        Id = "m", Type = QuestionType.Matching, Stem = "m", Pairs = [new("A", "1"), new("B", "2"), new("C", "3")],
    };

    [Fact]
    public void Practice_leaves_out_essays_and_cases_with_an_essay_part()
    {
        Assert.True(PracticePool.IsPractisable(Single()));
        Assert.True(PracticePool.IsPractisable(Fill));
        Assert.False(PracticePool.IsPractisable(Essay));
        Assert.True(PracticePool.IsPractisable(Case(Single(), Ordering())));
        Assert.False(PracticePool.IsPractisable(Case(Single(), Essay)));
        Assert.False(PracticePool.IsPractisable(Case()));
    }

    [Fact]
    public void Draw_takes_distinct_questions_unpractised_first_and_is_reproducible_from_the_seed()
    {
        var ids = Enumerable.Range(1, 30).Select(i => $"q{i:00}").ToList();
        var practised = ids.Take(25).ToHashSet();
        var set = PracticePool.Draw(ids, practised, 10, seed: 42);
        Assert.Equal(10, set.Count);
        Assert.Equal(10, set.Distinct().Count());
        Assert.All(ids.Skip(25), fresh => Assert.Contains(fresh, set));
        Assert.Equal(set, PracticePool.Draw(ids.AsEnumerable().Reverse(), practised, 10, seed: 42));
        Assert.Equal(3, PracticePool.Draw(["a", "b", "c", "a"], new HashSet<string>(), 10, 1).Count);
    }

    [Fact]
    public void Weak_topics_need_three_answers_and_less_than_sixty_percent_and_come_weakest_first()
    {
        var tallies = WeakTopics.Merge(
            [new LessonTally("a", 2, 0), new LessonTally("b", 5, 3), new LessonTally("c", 3, 1), new LessonTally("d", 2, 1)],
            [new LessonTally("a", 1, 0), new LessonTally("d", 2, 0), new LessonTally("", 9, 0)]);
        var weak = WeakTopics.Select(tallies);
        // a: 0/3 (practice + exam), d: 1/4, c: 1/3; b is exactly 60 %: not below the line.
        Assert.Equal(["a", "d", "c"], weak.Select(t => t.LessonId));
        Assert.Equal(new LessonTally("a", 3, 0), weak[0]);
        Assert.Equal(33, weak[2].Percent);
        Assert.DoesNotContain(weak, t => t.LessonId.Length == 0);
    }

    [Fact]
    public void Ordering_ranks_become_an_order_and_an_incomplete_ranking_is_a_problem()
    {
        var q = Ordering();
        var layout = new LaidOutQuestion(0, "o", 1, 0, 1m, [3, 2, 1, 0], new Dictionary<string, IReadOnlyList<int>>());
        var view = QuestionViews.Of(q, layout);
        // Displayed: 四 三 二 一. Ranking them 4,3,2,1 is the key.
        var mapped = PracticeAnswerMapper.ToResponse(view, new ItemAnswer { Ranks = [4, 3, 2, 1] });
        Assert.Empty(mapped.Problems);
        Assert.Equal([3, 2, 1, 0], mapped.Response.Order);
        Assert.True(Grader.Grade(q, AttemptLayout.ToAuthored(q, layout, mapped.Response)).FullMarks);

        Assert.Equal([AnswerProblem.OrderIncomplete], PracticeAnswerMapper.ToResponse(view, new ItemAnswer { Ranks = [1, 1, 2, 3] }).Problems);
        Assert.Equal([AnswerProblem.OrderIncomplete], PracticeAnswerMapper.ToResponse(view, new ItemAnswer { Ranks = [1, 0, 2, 3] }).Problems);
        Assert.Equal([AnswerProblem.Unanswered], PracticeAnswerMapper.ToResponse(view, new ItemAnswer { Ranks = [0, 0, 0, 0] }).Problems);
    }

    [Fact]
    public void Choices_out_of_range_or_two_picks_on_a_single_choice_count_as_no_answer()
    {
        var q = Single();
        var layout = new LaidOutQuestion(0, "s", 1, 0, 1m, [2, 0, 3, 1], new Dictionary<string, IReadOnlyList<int>>());
        var view = QuestionViews.Of(q, layout);
        var right = PracticeAnswerMapper.ToResponse(view, new ItemAnswer { Selected = [3] });
        Assert.Empty(right.Problems);
        Assert.True(Grader.Grade(q, AttemptLayout.ToAuthored(q, layout, right.Response)).FullMarks);
        Assert.True(PracticeAnswerMapper.ToResponse(view, new ItemAnswer { Selected = [1, 3] }).Blank);
        Assert.True(PracticeAnswerMapper.ToResponse(view, new ItemAnswer { Selected = [9, -1] }).Blank);
        Assert.True(PracticeAnswerMapper.ToResponse(view, new ItemAnswer()).Blank);
    }

    [Fact]
    public void Fill_matching_and_case_answers_map_to_responses_the_grader_understands()
    {
        var none = new Dictionary<string, IReadOnlyList<int>>();
        var fill = PracticeAnswerMapper.ToResponse(QuestionViews.Of(Fill, new LaidOutQuestion(0, "f", 1, 0, 1m, [], none)),
            new ItemAnswer { Blanks = ["  忠诚 ", null] });
        Assert.Equal(["忠诚", ""], fill.Response.Blanks);
        Assert.False(fill.Blank);
        Assert.Equal(0.5m, Grader.Grade(Fill, fill.Response).Score);

        var matchLayout = new LaidOutQuestion(0, "m", 1, 0, 1m, [2, 0, 1], none);
        var matched = PracticeAnswerMapper.ToResponse(QuestionViews.Of(Matching, matchLayout), new ItemAnswer { Matches = [1, 7] });
        Assert.Equal([1, -1, -1], matched.Response.Matches);
        Assert.Equal(0.33m, Grader.Grade(Matching, AttemptLayout.ToAuthored(Matching, matchLayout, matched.Response)).Score);

        var c = Case(Single() with { Id = "c1" }, Ordering() with { Id = "c2" });
        var caseLayout = new LaidOutQuestion(0, "c", 1, 0, 2m, [], new Dictionary<string, IReadOnlyList<int>> { ["c1"] = [0, 1, 2, 3], ["c2"] = [1, 0, 2, 3] });
        var answered = PracticeAnswerMapper.ToResponse(QuestionViews.Of(c, caseLayout), new ItemAnswer { Parts = [new ItemAnswer { Selected = [1] }] });
        Assert.False(answered.Blank);
        Assert.Equal(["c1", "c2"], answered.Response.Parts.Keys.Order());
        var grade = Grader.Grade(c, AttemptLayout.ToAuthored(c, caseLayout, answered.Response));
        Assert.Equal(1m, grade.Score);
        Assert.False(grade.FullMarks);
        Assert.True(PracticeAnswerMapper.ToResponse(QuestionViews.Of(c, caseLayout), new ItemAnswer()).Blank);
    }

    [Fact]
    public void Answering_moves_the_set_on_and_each_question_has_its_own_fixed_shuffle()
    {
        var s = new PracticeState
        {
            UserId = "u", Scope = PracticeScope.Lesson, ScopeId = "p1-x", Seed = 12345,
            Items = [new("a", 1), new("b", 1), new("c", 2)],
        };
        Assert.True(s.IsWellFormed);
        var at = new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);
        var next = s.Answered(100, at).Answered(50, at.AddMinutes(1));
        Assert.Equal(2, next.Position);
        Assert.Equal([100, 50], next.Outcomes);
        Assert.Equal((1, 1, 0), (next.Right, next.Partial, next.Wrong));
        Assert.Equal(at.AddMinutes(1).ToUnixTimeMilliseconds(), next.IssuedAtMs);
        // The same page answered again replaces its outcome rather than adding one.
        Assert.Equal([100, 0], s.Answered(100, at).Answered(0, at).Outcomes);
        Assert.True(next.Answered(0, at).Finished);
        Assert.False((s with { Position = 2 }).IsWellFormed);

        Assert.Equal(s.ItemSeed(1), (s with { Position = 2 }).ItemSeed(1));
        Assert.NotEqual(s.ItemSeed(0), s.ItemSeed(1));
        var q = Single();
        Assert.Equal(PracticeLayout.For(q, 1, s.ItemSeed(0)).Order, PracticeLayout.For(q, 1, s.ItemSeed(0)).Order);
    }

    [Fact]
    public void Percent_is_100_only_for_full_marks()
    {
        Assert.Equal(100, PracticeLayout.Percent(new Grade(1m, 1m, false, [])));
        Assert.Equal(99, PracticeLayout.Percent(new Grade(0.999m, 1m, false, [])));
        Assert.Equal(33, PracticeLayout.Percent(new Grade(0.33m, 1m, false, [])));
        Assert.Equal(0, PracticeLayout.Percent(new Grade(0m, 1m, false, [])));
    }

    [Fact]
    public void Tokens_are_sealed_per_user_and_per_kind()
    {
        var tokens = new PracticeTokens(new EphemeralDataProtectionProvider());
        var s = new PracticeState { UserId = "alice", Scope = PracticeScope.Part, ScopeId = "part1", Seed = 7, Items = [new("a", 3)] };
        var token = tokens.Protect(s);
        var read = tokens.ReadSet(token, "alice");
        Assert.NotNull(read);
        Assert.Equal(s.Items, read.Items);
        Assert.Equal(s.Seed, read.Seed);
        Assert.Null(tokens.ReadSet(token, "bob"));
        Assert.Null(tokens.ReadSet(token[..20] + (token[20] == 'A' ? "B" : "A") + token[21..], "alice"));
        Assert.Null(tokens.ReadSet("", "alice"));
        Assert.Null(tokens.ReadSet("not a token", "alice"));

        var feedback = tokens.Protect(new PracticeFeedbackState(s.Answered(0, DateTimeOffset.UnixEpoch), 0, new Response { Selected = [2] }, true));
        Assert.Null(tokens.ReadSet(feedback, "alice"));
        var f = tokens.ReadFeedback(feedback, "alice");
        Assert.NotNull(f);
        Assert.Equal([2], f.Displayed.Selected);
        Assert.Null(tokens.ReadFeedback(feedback, "bob"));
        Assert.DoesNotContain("part1", token);
    }

    [Fact]
    public void Plain_stems_mark_blanks_are_shortened_and_show_a_cases_scenario()
    {
        Assert.Equal("客户____与____", PracticeText.PlainStem(Fill, 120));
        var longStem = Single() with { Stem = new string('长', 200) };
        var shortened = PracticeText.PlainStem(longStem, 120);
        Assert.Equal(120, shortened.Length);
        Assert.EndsWith("…", shortened);
        Assert.Equal(["客户", "与", ""], PracticeText.FillPieces(Fill.Stem));
        Assert.Equal("情景", PracticeText.PlainStem(Case(Single()), 120));
    }
}
