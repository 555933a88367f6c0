namespace CertPlatform.Web.Features.Analytics;

public sealed record CohortMasteryModel(CohortFilter Filter, IReadOnlyList<string> Organizations, IReadOnlyList<PartMastery> Parts, IReadOnlyList<MasteryEntry> Weakest);
