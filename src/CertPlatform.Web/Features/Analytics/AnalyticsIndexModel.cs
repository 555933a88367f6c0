namespace CertPlatform.Web.Features.Analytics;

public sealed record AnalyticsIndexModel(IReadOnlyList<StatisticsPaperEntry> Papers, IReadOnlyList<string> UploadErrors);
