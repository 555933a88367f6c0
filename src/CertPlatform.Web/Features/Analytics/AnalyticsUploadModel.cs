namespace CertPlatform.Web.Features.Analytics;

public sealed record AnalyticsUploadModel(ReportView View, string Token);
