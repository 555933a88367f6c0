namespace CertPlatform.Web.Features.Analytics;

public sealed record PartMastery(MasteryEntry Part, IReadOnlyList<MasteryEntry> Lessons);
