namespace CertPlatform.Web.Domain.Exams;

/// <summary>
/// How a blueprint draw uses item analysis: leave out questions that carry flags, and balance
/// papers on observed facility (for questions with at least <paramref name="MinResponses"/> graded
/// responses) instead of the authored difficulty.
/// </summary>
public sealed record DrawPolicy(bool ExcludeFlagged = false, bool UseObservedFacility = false, int MinResponses = 30)
{
    /// <summary>Authored difficulty only, nothing excluded (the behaviour before item analysis).</summary>
    public static readonly DrawPolicy Authored = new();
}
