namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>What <see cref="QuestionBankSeeder"/> did with the shipped bank: questions added, updated, flagged for review, unchanged.</summary>
public sealed record SeedOutcome(int Added, int Updated, int Flagged, int Unchanged);
