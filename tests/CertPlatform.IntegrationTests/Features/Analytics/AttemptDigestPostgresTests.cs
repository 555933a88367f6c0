using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Features.Papers;

namespace CertPlatform.IntegrationTests.Features.Analytics;

/// <summary>Attempt digests on PostgreSQL (bytea, timestamptz): written at grading, backfilled, and read with the figures of the slow path.</summary>
public sealed class AttemptDigestPostgresTests : IDisposable
{
    private readonly PostgresDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task The_certification_paper_gives_identical_statistics_through_digests_and_items()
    {
        var factory = _database.Factory.With("Analytics:Flags:MinResponses", "3");
        var deciders = Enumerable.Range(0, 6).Select(t => (Func<string, int, bool>)((id, r) => (r * 5 + t * 3 + id.Length) % 6 < t + 1)).ToList();
        var attempts = await AnalyticsScenario.SitAsync(factory, PaperSeeder.CertificationId, deciders);
        var report = await DigestPaths.AssertEquivalentAsync(factory, PaperSeeder.CertificationId, attempts.Count);
        Assert.Contains("\"Options\":[{", report);
    }
}
