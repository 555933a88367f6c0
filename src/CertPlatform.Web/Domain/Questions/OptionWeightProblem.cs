namespace CertPlatform.Web.Domain.Questions;

/// <summary>One problem with option weights: <paramref name="Option"/> is the 0-based option (−1 for the question as a whole), <paramref name="Sum"/> the positive total for <see cref="OptionWeightProblemKind.PositiveSum"/>.</summary>
public sealed record OptionWeightProblem(OptionWeightProblemKind Kind, int Option, decimal Sum = 0);
