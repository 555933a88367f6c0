using CertPlatform.Web.Domain.Statistics;

namespace CertPlatform.Web.Domain.Exams;

public sealed record SectionFeasibility(BlueprintSection Section, int Available, int Unseen)
{
    public bool Feasible => Available >= Section.Count;
    /// <summary>Questions the section would accept but the draw policy excludes, by the flag that excluded them (a question with several flags counts under each).</summary>
    public IReadOnlyDictionary<FlagKind, int> ExcludedByFlag { get; init; } = new Dictionary<FlagKind, int>();
    /// <summary>How many questions the draw policy excluded from this section.</summary>
    public int Excluded { get; init; }
}
