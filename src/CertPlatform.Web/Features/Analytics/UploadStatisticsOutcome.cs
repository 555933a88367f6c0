namespace CertPlatform.Web.Features.Analytics;

/// <summary>What <see cref="UploadStatistics"/> made of an uploaded results matrix.</summary>
public enum UploadStatisticsOutcome { Analysed, Invalid, TooLarge, Unreadable }
