using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.UnitTests.TestData;

/// <summary>Builders for the questions, layouts and attempts the exam, grading and practice tests use.</summary>
public static class ExamData
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<int>> NoParts = new Dictionary<string, IReadOnlyList<int>>();

    /// <summary>A single-choice question whose first option is right.</summary>
    public static Question Single(string id, int options = 4) => new()
    {
        Id = id, Type = QuestionType.Single, Stem = id,
        Options = Enumerable.Range(0, options).Select(i => new ChoiceOption($"{id}-o{i}", i == 0)).ToList(),
    };

    /// <summary>A multiple-choice question: a and b right, c and d wrong.</summary>
    public static Question Multiple(string id = "m") => new()
    {
        Id = id, Type = QuestionType.Multiple, Stem = id, LessonId = "p1-x",
        Options = [new("a", true), new("b", true), new("c", false), new("d", false)],
    };

    /// <summary>An ordering question whose key is a, b, c… (<paramref name="items"/> of them).</summary>
    public static Question Ordering(string id, int items) => new()
    {
        Id = id, Type = QuestionType.Ordering, Stem = id, Items = Enumerable.Range(0, items).Select(i => ((char)('a' + i)).ToString()).ToList(),
    };

    /// <summary>A matching question l1→r1, l2→r2… (<paramref name="pairs"/> of them).</summary>
    public static Question Matching(string id, int pairs) => new()
    {
        Id = id, Type = QuestionType.Matching, Stem = id, Pairs = Enumerable.Range(1, pairs).Select(i => new MatchPair($"l{i}", $"r{i}")).ToList(),
    };

    /// <summary>A case: a true/false part (1 point, key true) and an essay part (3 points).</summary>
    public static Question CaseWithEssay(string id = "c") => new()
    {
        Id = id, Type = QuestionType.Case, Stem = id, Scenario = "s",
        Parts =
        [
            new Question { Id = id + "1", Type = QuestionType.TrueFalse, Stem = "t", TrueFalseAnswer = true, Points = 1 },
            new Question { Id = id + "2", Type = QuestionType.Essay, Stem = "e", Rubric = "r", Points = 3 },
        ],
    };

    /// <summary>Question <paramref name="id"/> laid out at ref <paramref name="questionRef"/> with a display order, worth <paramref name="points"/>.</summary>
    public static LaidOutQuestion Laid(string id, IReadOnlyList<int> order, decimal points = 1m, int questionRef = 0,
        IReadOnlyDictionary<string, IReadOnlyList<int>>? parts = null) =>
        new(questionRef, id, 1, 0, points, order, parts ?? NoParts);

    /// <summary>A finished attempt with a pass mark (nothing else set).</summary>
    public static Attempt FinishedAttempt(decimal passMark, string id = "a1") =>
        new() { Id = id, PaperId = "p", UserId = "u", Status = AttemptStatus.Finished, LayoutJson = "[]", PassMark = passMark };
}
