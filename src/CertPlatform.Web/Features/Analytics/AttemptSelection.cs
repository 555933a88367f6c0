namespace CertPlatform.Web.Features.Analytics;

/// <summary>Which finished attempts of each trainee count (Moodle's "calculate statistics from").</summary>
public enum AttemptSelection { All, First, Last, Best }
