using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>The ready questions blueprints draw from, with their current versions, and when they were loaded.</summary>
public sealed record ReadyPool(IReadOnlyList<DrawCandidate> Candidates, IReadOnlyDictionary<string, int> CurrentVersions, DateTimeOffset LoadedAt)
{
    /// <summary>The ready questions of one pool (certification papers draw secure questions, everything else practice ones).</summary>
    public IReadOnlyList<DrawCandidate> In(QuestionPool pool) => Candidates.Where(c => c.Pool == pool).ToList();
}
