using CertPlatform.Web.Domain.Exams;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>The ready questions blueprints draw from, with their current versions, and when they were loaded.</summary>
public sealed record ReadyPool(IReadOnlyList<DrawCandidate> Candidates, IReadOnlyDictionary<string, int> CurrentVersions, DateTimeOffset LoadedAt);
