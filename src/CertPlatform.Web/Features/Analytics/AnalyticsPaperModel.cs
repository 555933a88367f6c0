namespace CertPlatform.Web.Features.Analytics;

public sealed record AnalyticsPaperModel(PaperStatisticsModel Statistics, ReportView View);
