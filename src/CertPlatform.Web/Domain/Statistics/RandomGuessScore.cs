using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Domain.Statistics;

/// <summary>
/// Moodle's "random guess score": the fraction of the marks a candidate would expect from answering
/// at random, computed under this platform's own grading rules (each type's <c>get_random_guess_score</c>
/// in Moodle does the same for its rules). Single choice: every option equally likely; multiple choice:
/// every non-empty set of options equally likely (Moodle's current multichoice rule); true/false: ½;
/// matching: every right-hand item equally likely for each left item; ordering: every order equally
/// likely; fill-in: 0 (a random text is not an accepted answer); essay and case: null (cannot be estimated).
/// </summary>
public static class RandomGuessScore
{
    private const int MaxOptionsEnumerated = 10;
    private const int MaxItemsEnumerated = 7;

    public static double? Of(Question q)
    {
        var max = (double)Grader.Grade(q, Response.Empty).Max;
        if (max <= 0) return null;
        switch (q.Type)
        {
            case QuestionType.Single:
                return q.Options.Count == 0 ? null : Enumerable.Range(0, q.Options.Count).Average(i => Fraction(q, new Response { Selected = [i] }, max));
            case QuestionType.Multiple:
                if (q.Options.Count is 0 or > MaxOptionsEnumerated) return null;
                return Enumerable.Range(1, (1 << q.Options.Count) - 1).Average(mask =>
                    Fraction(q, new Response { Selected = Enumerable.Range(0, q.Options.Count).Where(i => (mask & (1 << i)) != 0).ToList() }, max));
            case QuestionType.TrueFalse:
                return (Fraction(q, new Response { TrueFalse = true }, max) + Fraction(q, new Response { TrueFalse = false }, max)) / 2;
            case QuestionType.Matching:
                // Each left item independently picks one of the right items: expected share of right pairs.
                return q.Pairs.Count == 0 ? null : 1.0 / q.Pairs.Count;
            case QuestionType.Ordering:
                if (q.Items.Count is 0 or > MaxItemsEnumerated) return null;
                return Permutations(q.Items.Count).Average(order => Fraction(q, new Response { Order = order }, max));
            case QuestionType.Fill:
                return 0;
            default:
                return null;
        }
    }

    private static double Fraction(Question q, Response r, double max) => (double)Grader.Grade(q, r).Score / max;

    private static IEnumerable<int[]> Permutations(int n)
    {
        var a = Enumerable.Range(0, n).ToArray();
        yield return (int[])a.Clone();
        // Heap's algorithm, iterative.
        var c = new int[n];
        var i = 0;
        while (i < n)
        {
            if (c[i] < i)
            {
                if (i % 2 == 0) (a[0], a[i]) = (a[i], a[0]);
                else (a[c[i]], a[i]) = (a[i], a[c[i]]);
                yield return (int[])a.Clone();
                c[i]++;
                i = 0;
            }
            else
            {
                c[i] = 0;
                i++;
            }
        }
    }
}
