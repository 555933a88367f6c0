namespace CertPlatform.Web.Features.Results;

public sealed record PaperStats(
    string PaperId, string Title, string Kind, decimal PassMark, int Attempts, int Finished, int InProgress, int AwaitingManual, int Final,
    int Passed, decimal? MeanScore, decimal? MeanMaxScore, int RegradeFlags, IReadOnlyList<ScoreBucket> Distribution)
{
    /// <summary>Passed ÷ final attempts, as a whole percentage; null before any result is final.</summary>
    public int? PassRate => Final > 0 ? (int)Math.Round(Passed * 100m / Final, MidpointRounding.AwayFromZero) : null;
    /// <summary>The pass mark as a percentage of the (mean) maximum score, for the chart's pass line.</summary>
    public decimal? PassMarkPercent => MeanMaxScore > 0 ? PassMark * 100 / MeanMaxScore : null;
}
