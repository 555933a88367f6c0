using CertPlatform.Web.Data;

namespace CertPlatform.Web.Features.Analytics;

public sealed record PaperStatisticsModel(Paper Paper, StatisticsFilter Filter, int AwaitingGrading, StatisticsReport Report);
