namespace CertPlatform.Web.Domain.Exams;

/// <summary>
/// The question order and option orders an attempt shows, decided once at start from a seed and
/// stored with the attempt, so a resumed attempt (or a regrade) sees exactly the same layout.
/// </summary>
public sealed record FrozenOrder(IReadOnlyList<int> Questions, IReadOnlyList<IReadOnlyList<int>> Options)
{
    /// <summary>
    /// Question i of the attempt is <c>Questions[i]</c> of the paper; its displayed option k is
    /// authored option <c>Options[i][k]</c>. Without shuffling both are the identity.
    /// </summary>
    public static FrozenOrder Create(IReadOnlyList<int> optionCounts, bool shuffleQuestions, bool shuffleOptions, int seed)
    {
        var rng = new Random(seed);
        var questions = Enumerable.Range(0, optionCounts.Count).ToArray();
        if (shuffleQuestions) rng.Shuffle(questions);
        var options = questions.Select(q =>
        {
            var o = Enumerable.Range(0, optionCounts[q]).ToArray();
            if (shuffleOptions) rng.Shuffle(o);
            return (IReadOnlyList<int>)o;
        }).ToList();
        return new FrozenOrder(questions, options);
    }

    /// <summary>Maps the options a candidate picked on screen back to authored option indices (for grading).</summary>
    public IReadOnlyList<int> ToAuthored(int attemptQuestion, IEnumerable<int> displayedChoices) =>
        displayedChoices.Where(d => d >= 0 && d < Options[attemptQuestion].Count).Select(d => Options[attemptQuestion][d]).ToList();
}
