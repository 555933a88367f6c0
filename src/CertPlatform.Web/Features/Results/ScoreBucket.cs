namespace CertPlatform.Web.Features.Results;

/// <summary>A bar of the score distribution: final attempts whose score is From% ≤ score &lt; To% of the maximum (the last bar includes 100%).</summary>
public sealed record ScoreBucket(int From, int To, int Count);
