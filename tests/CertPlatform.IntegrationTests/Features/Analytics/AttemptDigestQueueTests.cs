using CertPlatform.IntegrationTests.Features.Exams;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Analytics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace CertPlatform.IntegrationTests.Features.Analytics;

/// <summary>
/// The digests of finished attempts are built in memory by the grading and written in batches by
/// <see cref="AttemptDigestQueue"/>: every finished attempt gets exactly one current digest, the very one the backfill
/// would write from the stored rows; a batch that fails is written attempt by attempt the way the backfill writes.
/// </summary>
[Collection(SerilogStaticLogger.Name)]
public sealed class AttemptDigestQueueTests : IDisposable
{
    private const string Paper = "digest-queue";
    private readonly CapturingLogSink _sink = new();
    private readonly AppFactory _factory;

    public AttemptDigestQueueTests() =>
        _factory = new AppFactory().With("Analytics:Flags:MinResponses", "3").WithServices(s => s.AddSingleton<ILogEventSink>(_sink));

    public void Dispose() => _factory.Dispose();


    private async Task<List<string>> SitAsync()
    {
        var questions = (await AnalyticsScenario.ReadyQuestionsAsync(_factory, "Single", 3)).Concat(await AnalyticsScenario.ReadyQuestionsAsync(_factory, "Multiple", 2))
            .Concat(await AnalyticsScenario.ReadyQuestionsAsync(_factory, "TrueFalse", 2)).ToList();
        await _factory.APaper(Paper, "mock", 3m, questions.Select(q => (q, 1m)).ToArray());
        var deciders = Enumerable.Range(0, 5).Select(t => (Func<string, int, bool>)((id, r) => (questions.IndexOf(id) * 2 + t) % 4 < t)).ToList();
        return await AnalyticsScenario.SitAsync(_factory, Paper, deciders);
    }

    private Task<Dictionary<string, AttemptDigest>> DigestsAsync(IEnumerable<string> attempts)
    {
        var ids = attempts.ToList();
        return _factory.ScopedAsync(db => db.AttemptDigests.AsNoTracking().Where(d => ids.Contains(d.AttemptId)).ToDictionaryAsync(d => d.AttemptId));
    }

    [Fact]
    public async Task Every_finished_attempt_has_one_current_digest_identical_to_the_one_written_from_the_stored_rows()
    {
        var attempts = await SitAsync();
        var built = await DigestsAsync(attempts);
        Assert.Equal(attempts.Order(StringComparer.Ordinal), built.Keys.Order(StringComparer.Ordinal));
        // Current: the digest carries the attempt's stored GradedAt (the in-memory time at the stored precision), so the
        // catch-up finds nothing to write.
        Assert.Equal(attempts.Count, await DigestPaths.CurrentAsync(_factory, Paper));
        Assert.Equal(0, await _factory.Services.GetRequiredService<AttemptDigestBackfill>().RunOnceAsync(CancellationToken.None));
        Assert.Contains(built.Values, d => d.Score > 0);

        // The backfill's way (reading attempt, items, answers and layout back) gives byte-identical digests.
        using (var scope = _factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<AttemptDigestWriter>().WriteAsync(attempts, CancellationToken.None);
        var reread = await DigestsAsync(attempts);
        foreach (var id in attempts)
        {
            Assert.Equal(reread[id].Body, built[id].Body);
            Assert.Equal((reread[id].PaperId, reread[id].PaperVersion, reread[id].FinishedAt, reread[id].Score, reread[id].GradedAt),
                (built[id].PaperId, built[id].PaperVersion, built[id].FinishedAt, built[id].Score, built[id].GradedAt));
        }
    }

    [Fact]
    public async Task A_batch_that_cannot_be_inserted_is_written_attempt_by_attempt_from_the_stored_rows()
    {
        var attempts = await SitAsync();
        var stored = await DigestsAsync(attempts);
        var queue = _factory.Services.GetRequiredService<AttemptDigestQueue>();
        _sink.Events.Clear();

        // A digest for an attempt that already has one: the batch's insert fails on the key.
        var wrong = new AttemptDigest
        {
            AttemptId = attempts[0], PaperId = Paper, PaperVersion = 1, Score = 999m, FinishedAt = stored[attempts[0]].FinishedAt,
            GradedAt = stored[attempts[0]].GradedAt, Body = [1, 0],
        };
        Assert.True(await queue.WriteAsync(wrong));

        Assert.Contains(_sink.Events, e => e.Level == LogEventLevel.Warning && e.MessageTemplate.Text.StartsWith("A batch of", StringComparison.Ordinal));
        var after = await DigestsAsync(attempts);
        Assert.Equal(stored[attempts[0]].Body, after[attempts[0]].Body);
        Assert.Equal(stored[attempts[0]].Score, after[attempts[0]].Score);
        Assert.Equal(attempts.Count, await DigestPaths.CurrentAsync(_factory, Paper));
    }
}
