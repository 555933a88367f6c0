using System.Text.Json.Nodes;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Features.Papers;

namespace CertPlatform.IntegrationTests.Features.Analytics;

/// <summary>
/// Attempt digests on PostgreSQL (bytea, timestamptz): written at grading, backfilled, read with the figures of the slow
/// path, and the same figures as SQLite for the same attempts.
/// </summary>
public sealed class AttemptDigestPostgresTests : IDisposable
{
    private const string Paper = "digest-parity";
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

    [Fact]
    public async Task The_same_attempts_give_the_same_statistics_on_PostgreSQL_and_SQLite_through_digests_and_the_fallback()
    {
        using var sqlite = new AppFactory().With("Analytics:Flags:MinResponses", "3");
        var postgres = _database.Factory.With("Analytics:Flags:MinResponses", "3");
        // One fixed paper of every type the tallies handle (single, multiple, true/false) and a fill-in, the same ids on both.
        var questions = new List<string>();
        foreach (var (type, n) in new[] { ("Single", 4), ("Multiple", 2), ("TrueFalse", 3), ("Fill", 1) })
            questions.AddRange(await AnalyticsScenario.ReadyQuestionsAsync(sqlite, type, n));
        // A staircase (trainee t answers the first t + 2 questions right): every total differs, so the top and bottom 27 %
        // are the same trainees whatever order the attempts' random ids put them in.
        var deciders = Enumerable.Range(0, 8).Select(t => (Func<string, int, bool>)((id, _) => questions.IndexOf(id) <= t + 1)).ToList();
        var reports = new List<(string Where, string Json)>();
        foreach (var (name, factory) in new[] { ("SQLite", sqlite), ("PostgreSQL", postgres) })
        {
            await factory.APaper(Paper, "mock", 5m, questions.Select((q, i) => (q, i % 3 == 0 ? 2m : 1m)).ToArray());
            var attempts = await AnalyticsScenario.SitAsync(factory, Paper, deciders);
            Assert.Equal(attempts.Count, await DigestPaths.CurrentAsync(factory, Paper));
            reports.Add(($"{name}, digests", await DigestPaths.ReportAsync(factory, Paper)));
            await DigestPaths.DeleteAsync(factory, Paper, 1);
            reports.Add(($"{name}, items and answers", await DigestPaths.ReportAsync(factory, Paper)));
        }
        Assert.Contains("\"Options\":[{", reports[0].Json);
        // Attempts are ordered by their random ids, so sums run in another order: equal to 1e-12, not bit for bit, and the
        // list of totals (one per attempt, in that order) is compared as a set.
        foreach (var (where, json) in reports.Skip(1)) AssertSameFigures(JsonNode.Parse(reports[0].Json), JsonNode.Parse(json), where);
    }

    private static void AssertSameFigures(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case null: Assert.Null(actual); break;
            case JsonObject o:
                var other = Assert.IsType<JsonObject>(actual);
                Assert.Equal(o.Select(p => p.Key), other.Select(p => p.Key));
                foreach (var (key, value) in o) AssertSameFigures(value, other[key], $"{path}.{key}");
                break;
            case JsonArray a when path.EndsWith(".Totals", StringComparison.Ordinal):
                Assert.Equal(a.Select(x => x!.GetValue<double>()).Order(), Assert.IsType<JsonArray>(actual).Select(x => x!.GetValue<double>()).Order());
                break;
            case JsonArray a:
                var list = Assert.IsType<JsonArray>(actual);
                Assert.True(a.Count == list.Count, $"{path}: {a.Count} against {list.Count} entries");
                for (var i = 0; i < a.Count; i++) AssertSameFigures(a[i], list[i], $"{path}[{i}]");
                break;
            case JsonValue v when v.TryGetValue<double>(out var x):
                var y = actual!.GetValue<double>();
                Assert.True(Math.Abs(x - y) <= 1e-12 * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y))), $"{path}: {x:R} against {y:R}");
                break;
            default:
                Assert.True(expected.ToJsonString() == actual?.ToJsonString(), $"{path}: {expected.ToJsonString()} against {actual?.ToJsonString()}");
                break;
        }
    }
}
