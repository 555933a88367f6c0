namespace CertPlatform.Web.Domain.Certificates;

/// <summary>
/// Everything about a paper that changes what its certificate certifies: a save that changes any of these makes a new
/// paper version (and an approved paper needs approval again). Title, window, audience, access password and
/// per-trainee allowances are not part of it.
/// </summary>
public sealed record CertifiedPaperContent(
    string Kind,
    string? ProgrammeId,
    int TimeLimitMinutes,
    decimal PassMark,
    int AttemptsAllowed,
    string? BlueprintJson,
    string? FixedQuestionsJson,
    bool ShuffleQuestions,
    bool ShuffleOptions,
    bool ReviewShowsScore,
    bool ReviewShowsAnswers,
    bool ReviewShowsExplanations,
    bool DrawExcludeFlagged,
    bool DrawUseObservedFacility)
{
    /// <summary>The version after a save: unchanged content keeps the version, any change increments it.</summary>
    public static int NextVersion(int current, CertifiedPaperContent before, CertifiedPaperContent after) =>
        before == after ? current : current + 1;
}
