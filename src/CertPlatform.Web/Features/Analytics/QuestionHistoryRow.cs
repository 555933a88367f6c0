using CertPlatform.Web.Domain.Statistics;

namespace CertPlatform.Web.Features.Analytics;

public sealed record QuestionHistoryRow(string PaperId, string PaperTitle, int Version, QuestionStatistics Stats, IReadOnlyList<ItemFlag> Flags);
