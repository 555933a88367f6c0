namespace CertPlatform.Web.Domain.Questions;

/// <summary>
/// Scoring rules (documented in docs/grading.md; every rule has unit tests). Fractions are of the
/// question's points and rounded to 2 decimals.
/// <list type="bullet">
/// <item>Single choice, true/false: all or nothing.</item>
/// <item>Multiple choice: (correct options chosen − wrong options chosen) ÷ number of correct options,
/// never below 0; full marks only for exactly the correct set.</item>
/// <item>Fill-in: each blank is an equal share; a blank is right when its normalised text equals a
/// normalised accepted answer (<see cref="AnswerNormalizer"/>).</item>
/// <item>Matching: share of left items matched to their own right item.</item>
/// <item>Ordering: share of neighbouring pairs in the answer that are also neighbours, in that order,
/// in the key ("relative to the next item"); n items give n−1 pairs.</item>
/// <item>Weighted options (imported from Moodle, GIFT or QTI, where every option carries a percentage): single
/// choice scores the chosen option's weight, multiple choice the sum of the chosen options' weights, as Moodle
/// does; the result is kept between 0 and full marks.</item>
/// <item>Essay: not scored automatically; an examiner grades it.</item>
/// <item>Case: the sum of its parts; needs manual grading if any part does.</item>
/// </list>
/// </summary>
public static class Grader
{
    public static Grade Grade(Question q, Response? r)
    {
        r ??= Response.Empty;
        if (q.Type == QuestionType.Case)
        {
            var parts = q.Parts.Select(p => Grade(p, r.Parts.TryGetValue(p.Id, out var pr) ? pr : Response.Empty)).ToList();
            return new Grade(parts.Sum(p => p.Score), parts.Sum(p => p.Max), parts.Any(p => p.NeedsManualGrading), parts);
        }
        if (q.Type == QuestionType.Essay) return new Grade(0, q.Points, true, []);
        var fraction = q.Type switch
        {
            QuestionType.Single => SingleChoice(q, r),
            QuestionType.Multiple => MultipleChoice(q, r),
            QuestionType.TrueFalse => r.TrueFalse is { } tf && tf == q.TrueFalseAnswer ? 1m : 0m,
            QuestionType.Fill => Fill(q, r),
            QuestionType.Matching => Matching(q, r),
            QuestionType.Ordering => Ordering(q, r),
            _ => throw new ArgumentOutOfRangeException(nameof(q), q.Type, "unknown question type"),
        };
        return new Grade(Math.Round(fraction * q.Points, 2, MidpointRounding.AwayFromZero), q.Points, false, []);
    }

    private static decimal SingleChoice(Question q, Response r) =>
        q.Options.Any(o => o.Weight is not null)
            ? r.Selected.Distinct().Count() == 1 && InRange(r.Selected[0], q.Options.Count) ? Weighted(q, [r.Selected[0]]) : 0m
            : r.Selected.Distinct().Count() == 1 && InRange(r.Selected[0], q.Options.Count) && q.Options[r.Selected[0]].Correct ? 1m : 0m;

    private static decimal MultipleChoice(Question q, Response r)
    {
        var chosen = r.Selected.Where(i => InRange(i, q.Options.Count)).Distinct().ToList();
        if (q.Options.Any(o => o.Weight is not null)) return Weighted(q, chosen);
        var correctCount = q.Options.Count(o => o.Correct);
        if (correctCount == 0) return 0m;
        var right = chosen.Count(i => q.Options[i].Correct);
        var wrong = chosen.Count - right;
        return Math.Max(0m, (decimal)(right - wrong) / correctCount);
    }

    /// <summary>Sum of the chosen options' weights (an option without one counts 100 when correct, else 0), within 0…1.</summary>
    private static decimal Weighted(Question q, IEnumerable<int> chosen) =>
        Math.Clamp(chosen.Sum(i => q.Options[i].Weight ?? (q.Options[i].Correct ? 100m : 0m)) / 100m, 0m, 1m);

    private static decimal Fill(Question q, Response r)
    {
        if (q.Blanks.Count == 0) return 0m;
        var right = q.Blanks.Select((accepted, i) => i < r.Blanks.Count && AnswerNormalizer.Matches(r.Blanks[i], accepted)).Count(ok => ok);
        return (decimal)right / q.Blanks.Count;
    }

    private static decimal Matching(Question q, Response r)
    {
        if (q.Pairs.Count == 0) return 0m;
        var right = Enumerable.Range(0, q.Pairs.Count).Count(i => i < r.Matches.Count && r.Matches[i] == i);
        return (decimal)right / q.Pairs.Count;
    }

    private static decimal Ordering(Question q, Response r)
    {
        var n = q.Items.Count;
        // An answer must be a permutation of the items; anything else scores 0.
        if (n < 2 || r.Order.Count != n || r.Order.Distinct().Count() != n || r.Order.Any(i => !InRange(i, n))) return 0m;
        var right = Enumerable.Range(0, n - 1).Count(k => r.Order[k + 1] == r.Order[k] + 1);
        return (decimal)right / (n - 1);
    }

    private static bool InRange(int i, int count) => i >= 0 && i < count;
}
