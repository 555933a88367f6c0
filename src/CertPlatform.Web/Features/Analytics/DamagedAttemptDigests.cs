using System.Collections.Concurrent;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>
/// The attempts whose digest the statistics found unreadable in this process (damaged, cut short, an unknown format),
/// with the problem: <see cref="PaperStatistics"/> reports them, the catch-up (<see cref="AttemptDigestBackfill"/>)
/// rewrites each from the attempt's items and forgets it. A digest is current by its GradedAt, so the catch-up's own
/// query never selects a damaged one: without this, such an attempt went the slow way on every statistics run.
/// </summary>
public sealed class DamagedAttemptDigests
{
    private readonly ConcurrentDictionary<string, string> reported = new(StringComparer.Ordinal);

    /// <summary>Notes the attempt; true the first time (until the catch-up has dealt with it).</summary>
    public bool Report(string attemptId, string problem) => reported.TryAdd(attemptId, problem);

    /// <summary>The attempts waiting for the catch-up, with the problem the statistics met, by attempt id.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Waiting() => reported.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();

    /// <summary>The catch-up has rewritten the digest, or found it readable or gone: it is no longer waiting.</summary>
    public void Forget(string attemptId) => reported.TryRemove(attemptId, out _);
}
