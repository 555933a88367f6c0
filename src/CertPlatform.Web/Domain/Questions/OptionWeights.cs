namespace CertPlatform.Web.Domain.Questions;

/// <summary>
/// The rules for partial-credit weights on choice options (percent of the points an option earns when chosen, as in
/// Moodle's answer fraction). No weight at all means the platform's own rule (docs/grading.md). With weights: every
/// option has one, each within −100 … 100; a multiple-choice question's positive weights add up to 100 and exactly the
/// options with a positive weight are ticked correct; a single-choice question has at least one option worth 100 and
/// exactly those are ticked correct.
/// </summary>
public static class OptionWeights
{
    public const decimal Tolerance = 0.01m;

    public static IReadOnlyList<OptionWeightProblem> Check(QuestionType type, IReadOnlyList<(bool Correct, decimal? Weight)> options)
    {
        var problems = new List<OptionWeightProblem>();
        if (type is not (QuestionType.Single or QuestionType.Multiple) || options.All(o => o.Weight is null)) return problems;
        for (var i = 0; i < options.Count; i++)
        {
            var (correct, weight) = options[i];
            if (weight is not { } w) { problems.Add(new(OptionWeightProblemKind.Missing, i)); continue; }
            if (w is < -100m or > 100m) { problems.Add(new(OptionWeightProblemKind.OutOfRange, i)); continue; }
            var earns = type == QuestionType.Multiple ? w > 0 : Math.Abs(w - 100m) < Tolerance;
            if (correct && !earns) problems.Add(new(OptionWeightProblemKind.CorrectWithoutCredit, i));
            else if (!correct && earns) problems.Add(new(OptionWeightProblemKind.CreditNotMarkedCorrect, i));
        }
        var given = options.Where(o => o.Weight is not null).Select(o => o.Weight!.Value).ToList();
        if (type == QuestionType.Multiple && given.Where(w => w > 0).Sum() is var sum && Math.Abs(sum - 100m) >= Tolerance)
            problems.Add(new(OptionWeightProblemKind.PositiveSum, -1, sum));
        if (type == QuestionType.Single && !given.Any(w => Math.Abs(w - 100m) < Tolerance))
            problems.Add(new(OptionWeightProblemKind.NoFullCredit, -1));
        return problems;
    }
}
