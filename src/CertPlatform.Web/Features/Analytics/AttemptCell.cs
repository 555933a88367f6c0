namespace CertPlatform.Web.Features.Analytics;

/// <summary>One graded question of one selected attempt, compactly (attempt and question version by index).</summary>
internal readonly record struct AttemptCell(int Attempt, int Ref, int Section, int Version, double Mark, double Max, int Part);
