namespace CertPlatform.Web.Features.Analytics;

public sealed record StatisticsPaperEntry(string Id, string Title, string Kind, int Graded);
