namespace CertPlatform.Web.Domain.Exams;

/// <summary>What the total of an attempt needs from one graded question: its score so far, its points, and whether an examiner still has to grade it.</summary>
public readonly record struct ScoredItem(decimal Score, decimal Points, bool NeedsManual);
