namespace CertPlatform.Web.Features.Analytics;

/// <summary>How question versions are named in the statistics ("Q-0001 v2").</summary>
public static class AnalyticsKeys
{
    public static string Version(string questionId, int version) => $"{questionId} v{version}";
}
