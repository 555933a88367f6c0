namespace CertPlatform.Web.Domain.Exams;

/// <summary>
/// One question of an attempt, graded in paper points: the automatic score, the points an examiner
/// can still award (essays, case write-ups), whether anything was answered, and whether the
/// automatically graded part earned full marks (what the mistake notebook counts as right).
/// </summary>
public sealed record QuestionScore(decimal AutoScore, decimal ManualMax, bool Answered, bool Correct);
