namespace CertPlatform.Web.Domain.Exams;

/// <summary>
/// No repeats across attempts: a draw takes questions the trainee has not seen in earlier attempts first and
/// falls back to seen ones only when a section's pool has too few unseen questions; those repeats are counted.
/// "Feasible for N attempts" means every section could be filled N times over without using a question twice.
/// </summary>
public static class RepeatAvoidance
{
    /// <summary>Splits <paramref name="eligible"/> (order kept) into the questions not seen before and the repeats.</summary>
    public static (List<DrawCandidate> Unseen, List<DrawCandidate> Seen) Split(IEnumerable<DrawCandidate> eligible, IReadOnlySet<string> seen)
    {
        var unseen = new List<DrawCandidate>();
        var again = new List<DrawCandidate>();
        foreach (var c in eligible) (seen.Contains(c.Id) ? again : unseen).Add(c);
        return (unseen, again);
    }

    /// <summary>How many drawn questions the trainee had seen before (zero while the pool allows).</summary>
    public static int Repeats(IEnumerable<DrawnQuestion> drawn, IReadOnlySet<string> seen) => drawn.Count(d => seen.Contains(d.Id));

    /// <summary>Feasibility of <paramref name="attempts"/> attempts without a repeat: each section needs its count times the attempts.</summary>
    public static IReadOnlyList<SectionFeasibility> ForAttempts(IReadOnlyList<BlueprintSection> sections, IReadOnlyCollection<DrawCandidate> pool, int attempts, DrawPolicy? policy = null) =>
        Blueprint.Feasibility(sections.Select(s => s with { Count = s.Count * Math.Max(1, attempts) }).ToList(), pool, policy: policy);

    public static bool FeasibleWithoutRepeats(IReadOnlyList<BlueprintSection> sections, IReadOnlyCollection<DrawCandidate> pool, int attempts, DrawPolicy? policy = null) =>
        ForAttempts(sections, pool, attempts, policy).All(f => f.Feasible);
}
