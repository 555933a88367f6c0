namespace CertPlatform.Web.Features.Papers;

/// <summary>A question of a fixed paper: which question and what it is worth.</summary>
public sealed record FixedQuestion(string Id, decimal Points);
