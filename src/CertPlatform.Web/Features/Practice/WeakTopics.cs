namespace CertPlatform.Web.Features.Practice;

/// <summary>
/// Weak topics: lessons where the trainee has answered at least <see cref="MinAnswers"/> questions
/// and got fewer than <see cref="Threshold"/> of them right, weakest first.
/// </summary>
public static class WeakTopics
{
    public const double Threshold = 0.6;
    public const int MinAnswers = 3;

    /// <summary>Adds up tallies of the same lesson (e.g. practice and exams).</summary>
    public static IReadOnlyList<LessonTally> Merge(params IEnumerable<LessonTally>[] sources) =>
        sources.SelectMany(s => s).Where(t => t.LessonId.Length > 0).GroupBy(t => t.LessonId)
            .Select(g => new LessonTally(g.Key, g.Sum(t => t.Answers), g.Sum(t => t.Correct)))
            .ToList();

    public static bool IsWeak(LessonTally t) => t.Answers >= MinAnswers && t.Correct < Threshold * t.Answers;

    public static IReadOnlyList<LessonTally> Select(IEnumerable<LessonTally> tallies) =>
        tallies.Where(IsWeak)
            .OrderBy(t => (double)t.Correct / t.Answers).ThenByDescending(t => t.Answers).ThenBy(t => t.LessonId, StringComparer.Ordinal)
            .ToList();
}
