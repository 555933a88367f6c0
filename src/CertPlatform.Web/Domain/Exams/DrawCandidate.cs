using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Domain.Exams;

/// <summary>
/// A question the blueprint can draw: only what selection needs (no text, no key), and what item
/// analysis has observed about it so far, if anything.
/// </summary>
public sealed record DrawCandidate(string Id, string PartId, string LessonId, string Type, int Difficulty, IReadOnlyList<string> Tags, ObservedQuality? Observed = null)
{
    /// <summary>Practice or secure: see <see cref="DrawPools"/> for which papers draw from which.</summary>
    public QuestionPool Pool { get; init; } = QuestionPool.Practice;

    /// <summary>
    /// How hard the draw treats the question, on the authored 1–5 scale: with <see cref="DrawPolicy.UseObservedFacility"/>
    /// and enough responses, 1 + 4·(1 − facility) (everyone right → 1, nobody right → 5); otherwise the authored difficulty.
    /// </summary>
    public double Hardness(DrawPolicy policy) =>
        policy.UseObservedFacility && Observed is { } o && o.Responses >= policy.MinResponses ? 1 + 4 * (1 - o.Facility) : Difficulty;

    /// <summary>True when the policy keeps this question out of draws (it carries item-analysis flags).</summary>
    public bool ExcludedBy(DrawPolicy policy) => policy.ExcludeFlagged && Observed is { Flags.Count: > 0 };
}
