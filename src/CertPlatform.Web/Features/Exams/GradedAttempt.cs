using CertPlatform.Web.Data;

namespace CertPlatform.Web.Features.Exams;

/// <summary>An attempt graded from a set of answers: the attempt with its totals, the items, and what it was graded from.</summary>
public sealed record GradedAttempt(Attempt Attempt, List<AttemptItem> Items, LoadedAttempt From);
