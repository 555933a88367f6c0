using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>
/// Which answer weights (percentages) an imported choice question keeps. Weights that say no more than the
/// platform's own rule (single: one answer at 100 %, the rest 0; multiple: right answers 100/k, wrong −100/k, as the
/// exporters write them) are dropped, so an exported and re-imported question is unchanged; any other weights
/// (partial credit, other penalties, several full answers) are kept on the options and used in grading.
/// </summary>
public static class ChoiceWeights
{
    public static List<ChoiceOption> Apply(IReadOnlyList<ChoiceOption> options, IReadOnlyList<decimal> weights, bool single)
    {
        if (SaysNothingMore(options, weights, single)) return options.Select(o => o with { Weight = null }).ToList();
        return options.Select((o, i) => o with { Weight = weights[i] }).ToList();
    }

    private static bool SaysNothingMore(IReadOnlyList<ChoiceOption> options, IReadOnlyList<decimal> weights, bool single)
    {
        var correct = options.Count(o => o.Correct);
        if (single) return correct == 1 && weights.All(w => w is 0 or 100);
        if (correct == 0) return false;
        var share = 100m / correct;
        return options.Select((o, i) => Math.Abs(weights[i] - (o.Correct ? share : -share)) < 0.01m).All(ok => ok);
    }

    /// <summary>The weight an exporter writes for an option: its own, else the platform rule's.</summary>
    public static decimal Of(Question q, ChoiceOption o)
    {
        if (o.Weight is { } w) return w;
        if (q.Type == QuestionType.Single) return o.Correct ? 100 : 0;
        var correct = Math.Max(1, q.Options.Count(x => x.Correct));
        return (o.Correct ? 100m : -100m) / correct;
    }
}
