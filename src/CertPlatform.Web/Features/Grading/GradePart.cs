namespace CertPlatform.Web.Features.Grading;

/// <summary>
/// One part of the item as the examiner reads it: the essay itself, or each sub-question of a case. Scores
/// are in paper points (the question's own points scaled to what the paper gives it).
/// </summary>
public sealed record GradePart(string Label, string Stem, bool Manual, string Rubric, decimal Max, string Answer, bool Answered, decimal? AutoScore);
