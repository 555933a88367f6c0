using CertPlatform.IntegrationTests.Features.Exams;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Statistics;
using CertPlatform.Web.Features.Analytics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Serilog.Core;
using Serilog.Events;

namespace CertPlatform.IntegrationTests.Features.Analytics;

/// <summary>
/// When a digest cannot be used: a damaged row is read the slow way (same figures, a warning naming the attempt) and
/// rewritten by the next catch-up round, and an attempt whose digest write failed gets one from the periodic catch-up,
/// under the cluster lock, without a restart.
/// </summary>
[Collection(SerilogStaticLogger.Name)]
public sealed class DigestFallbackTests : IDisposable
{
    private const string Paper = "digest-fallback";
    private readonly CapturingLogSink _sink = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private readonly AppFactory _factory;

    public DigestFallbackTests()
    {
        _factory = new AppFactory().With("Analytics:Flags:MinResponses", "3").With("Analytics:DigestCatchUpSeconds", "120")
            .WithServices(s => s.AddSingleton<ILogEventSink>(_sink).AddSingleton<TimeProvider>(_clock));
    }

    public void Dispose() => _factory.Dispose();


    /// <summary>Six trainees of rising ability on a fixed paper of single-choice and true/false questions (distractor tallies included).</summary>
    private async Task<List<string>> SitAsync()
    {
        var questions = (await AnalyticsScenario.ReadyQuestionsAsync(_factory, "Single", 3)).Concat(await AnalyticsScenario.ReadyQuestionsAsync(_factory, "TrueFalse", 2)).ToList();
        await _factory.APaper(Paper, "mock", 2m, questions.Select(q => (q, 1m)).ToArray());
        var deciders = Enumerable.Range(0, 6).Select(t => (Func<string, int, bool>)((id, r) => (questions.IndexOf(id) * 3 + t) % 5 < t)).ToList();
        return await AnalyticsScenario.SitAsync(_factory, Paper, deciders);
    }

    private Task SetBodyAsync(string attemptId, byte[] body) =>
        _factory.ScopedAsync(db => db.AttemptDigests.Where(d => d.AttemptId == attemptId).ExecuteUpdateAsync(u => u.SetProperty(d => d.Body, body)));

    [Fact]
    public async Task A_damaged_digest_is_read_the_slow_way_with_the_same_figures_and_a_warning_naming_the_attempt()
    {
        var attempts = await SitAsync();
        Assert.Equal(attempts.Count, await DigestPaths.CurrentAsync(_factory, Paper));
        var digested = await DigestPaths.ReportAsync(_factory, Paper);
        Assert.Contains("\"Options\":[{", digested);

        var body = await _factory.ScopedAsync(db => db.AttemptDigests.Where(d => d.AttemptId == attempts[0]).Select(d => d.Body).SingleAsync());
        await SetBodyAsync(attempts[0], body[..(body.Length / 2)]);          // cut off in the middle of a slot
        await SetBodyAsync(attempts[1], [1, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]); // a slot count no varint can hold
        await SetBodyAsync(attempts[2], [.. body, 0x00]);                     // a byte after the last slot
        await SetBodyAsync(attempts[3], [2, .. body[1..]]);                   // a format this version does not know
        await SetBodyAsync(attempts[4], []);                                  // empty
        _sink.Events.Clear();

        Assert.Equal(digested, await DigestPaths.ReportAsync(_factory, Paper));
        var warned = _sink.Events.Where(e => e.Level == LogEventLevel.Warning && e.MessageTemplate.Text.StartsWith("The digest of attempt", StringComparison.Ordinal))
            .Select(e => ((ScalarValue)e.Properties["AttemptId"]).Value as string).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(attempts.Take(5).Order(StringComparer.Ordinal), warned);

        // Every attempt damaged: all of them through the slow path, still the same figures.
        await SetBodyAsync(attempts[5], [1, 1, 0, 0]);
        Assert.Equal(digested, await DigestPaths.ReportAsync(_factory, Paper));
    }

    [Fact]
    public async Task Attempts_whose_digest_write_failed_get_one_from_the_periodic_catch_up_under_the_cluster_lock()
    {
        var attempts = await SitAsync();
        var digested = await DigestPaths.ReportAsync(_factory, Paper);
        // As if every digest write after the grading commit had failed: only the slow path knows these attempts.
        await DigestPaths.DeleteAsync(_factory, Paper, 1);
        Assert.Equal(0, await DigestPaths.CurrentAsync(_factory, Paper));
        var backfill = _factory.Services.GetRequiredService<AttemptDigestBackfill>();

        // A round leaves attempts graded within the settle time to the request writing their digest.
        Assert.Equal(0, await backfill.RunOnceAsync(CancellationToken.None, _clock.GetUtcNow() - AttemptDigestBackfill.Settle));
        // While another instance holds the lock, this instance's round does nothing.
        var cluster = _factory.Services.GetRequiredService<Web.Infrastructure.Cluster.IClusterLock>();
        await cluster.RunAsync(AttemptDigestBackfill.LockName, async _ => Assert.Equal(0, await backfill.RunOnceAsync(CancellationToken.None)), CancellationToken.None);
        Assert.Equal(0, await DigestPaths.CurrentAsync(_factory, Paper));

        // The background loop's next round (the clock moves past the period and the settle time) writes them, no restart.
        _clock.Advance(TimeSpan.FromSeconds(120) + AttemptDigestBackfill.Settle);
        for (var i = 0; i < 600 && await DigestPaths.CurrentAsync(_factory, Paper) < attempts.Count; i++) await Task.Delay(100);
        Assert.Equal(attempts.Count, await DigestPaths.CurrentAsync(_factory, Paper));
        Assert.Equal(digested, await DigestPaths.ReportAsync(_factory, Paper));
    }

    private Task<byte[]> BodyAsync(string attemptId) =>
        _factory.ScopedAsync(db => db.AttemptDigests.Where(d => d.AttemptId == attemptId).Select(d => d.Body).SingleAsync());

    private List<string> Warned(string prefix) => _sink.Events
        .Where(e => e.Level == LogEventLevel.Warning && e.MessageTemplate.Text.StartsWith(prefix, StringComparison.Ordinal))
        .Select(e => (string)((ScalarValue)e.Properties["AttemptId"]).Value!).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task A_damaged_digest_is_rewritten_by_the_catch_up_once_and_read_as_a_digest_again_with_the_same_figures()
    {
        var attempts = await SitAsync();
        var digested = await DigestPaths.ReportAsync(_factory, Paper);
        var truncated = await BodyAsync(attempts[0]);
        var garbled = await BodyAsync(attempts[1]);
        await SetBodyAsync(attempts[0], truncated[..(truncated.Length - 3)]);                          // cut short
        await SetBodyAsync(attempts[1], [garbled[0], .. garbled[1..].Select(b => (byte)(b ^ 0xFF))]); // every byte after the format flipped
        foreach (var id in attempts.Take(2)) Assert.False(AttemptDigestReader.IsReadable(await BodyAsync(id), out _));
        _sink.Events.Clear();

        // The statistics read the two the slow way, with the same figures, warning once per attempt however often they run.
        Assert.Equal(digested, await DigestPaths.ReportAsync(_factory, Paper));
        Assert.Equal(digested, await DigestPaths.ReportAsync(_factory, Paper));
        Assert.Equal(attempts.Take(2).Order(StringComparer.Ordinal), Warned("The digest of attempt"));

        // The catch-up's next round rewrites both from the attempts' items (their GradedAt is current: only the report finds them).
        _sink.Events.Clear();
        var backfill = _factory.Services.GetRequiredService<AttemptDigestBackfill>();
        Assert.Equal(2, await backfill.RunOnceAsync(CancellationToken.None));
        Assert.Equal(attempts.Take(2).Order(StringComparer.Ordinal), Warned("The digest of attempt"));
        Assert.All(_sink.Events.Where(e => e.Level == LogEventLevel.Warning), e => Assert.Contains("rewrote it", e.MessageTemplate.Text, StringComparison.Ordinal));
        Assert.Equal(truncated, await BodyAsync(attempts[0]));
        Assert.Equal(garbled, await BodyAsync(attempts[1]));
        Assert.Equal(attempts.Count, await DigestPaths.CurrentAsync(_factory, Paper));

        // Read as digests again (no warning), the same figures; the next round has nothing to rewrite and logs nothing.
        _sink.Events.Clear();
        Assert.Equal(digested, await DigestPaths.ReportAsync(_factory, Paper));
        Assert.Equal(0, await backfill.RunOnceAsync(CancellationToken.None));
        Assert.Empty(Warned("The digest of attempt"));
    }
}
