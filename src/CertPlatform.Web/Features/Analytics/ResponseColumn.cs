namespace CertPlatform.Web.Features.Analytics;

/// <summary>
/// The answers to one question version with options: the attempts (by index) that had it and the authored
/// options each chose, in the order added. Choices from digests go straight in through <see cref="Add"/>.
/// </summary>
internal sealed class ResponseColumn(int capacity)
{
    /// <summary>One shared array per single choice: most answers choose one option, so they allocate nothing.</summary>
    private static readonly int[][] Single = Enumerable.Range(0, 64).Select(i => new[] { i }).ToArray();

    public List<int> Attempts { get; } = new(capacity);
    public List<int[]> Chosen { get; } = new(capacity);

    /// <summary>One attempt's choice (authored option indices; empty when unanswered).</summary>
    public void Add(int attempt, ReadOnlySpan<int> chosen)
    {
        Attempts.Add(attempt);
        Chosen.Add(chosen.Length switch
        {
            0 => [],
            1 when (uint)chosen[0] < (uint)Single.Length => Single[chosen[0]],
            _ => chosen.ToArray(),
        });
    }
}
