namespace CertPlatform.Web.Features.Grading;

/// <summary>How many finished attempts were graded against one version of the question.</summary>
public sealed record RegradeVersionRow(int Version, int Attempts, bool IsCurrent);
