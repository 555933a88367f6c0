namespace CertPlatform.Web.Domain.Questions;

/// <summary>
/// What a candidate answered. Indices refer to the question's authored order (options, pairs,
/// items); presenting them shuffled is the exam's concern, which maps choices back before grading.
/// </summary>
public sealed record Response
{
    /// <summary>Single/multiple choice: indices of the chosen options.</summary>
    public IReadOnlyList<int> Selected { get; init; } = [];
    public bool? TrueFalse { get; init; }
    /// <summary>Fill-in: text per blank, blank 1 first.</summary>
    public IReadOnlyList<string> Blanks { get; init; } = [];
    /// <summary>Matching: for each left item (by pair index), the pair index of the right item chosen, or -1.</summary>
    public IReadOnlyList<int> Matches { get; init; } = [];
    /// <summary>Ordering: item indices (authored order) in the order the candidate put them.</summary>
    public IReadOnlyList<int> Order { get; init; } = [];
    public string Text { get; init; } = "";
    /// <summary>Case: responses per part id.</summary>
    public IReadOnlyDictionary<string, Response> Parts { get; init; } = new Dictionary<string, Response>();

    public static readonly Response Empty = new();
}
