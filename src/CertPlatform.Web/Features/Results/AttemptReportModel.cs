using CertPlatform.Web.Data;

namespace CertPlatform.Web.Features.Results;

/// <summary>
/// An attempt's scores broken down by paper section and by curriculum part, plus one row per question.
/// Totals count what has been scored so far: items still waiting for an examiner count 0 earned and are
/// counted in <see cref="ReportTotal.AwaitingManual"/>. An attempt still in progress has no items yet.
/// </summary>
public sealed record AttemptReportModel(
    string AttemptId, string UserId, string PaperId, string PaperTitle, string PaperKind, int Number, string Status, string Grading,
    decimal? Score, decimal MaxScore, decimal PassMark, bool? Passed,
    IReadOnlyList<ReportTotal> Sections, IReadOnlyList<ReportTotal> Parts, IReadOnlyList<ReportItem> Items)
{
    public bool IsFinal => Grading == GradingStatus.Final;
}
