namespace CertPlatform.Web.Features.Practice;

public sealed record PracticeOverview(IReadOnlyList<PartPracticeRow> Parts, int OpenMistakes, int PractisableMistakes);
