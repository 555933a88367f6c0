using System.Net;
using System.Text.RegularExpressions;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Domain.Statistics;
using CertPlatform.Web.Features.Analytics;
using CertPlatform.Web.Features.Papers;
using CertPlatform.Web.Features.QuestionBank;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CertPlatform.IntegrationTests.Infrastructure.HttpClientForms;

namespace CertPlatform.IntegrationTests.Features.Analytics;

/// <summary>
/// Attempt digests on the real app (SQLite): written when an attempt is graded, rewritten by an examiner's score and
/// by a regrade, filled by the backfill, and read by the statistics with exactly the figures of the items and answers.
/// </summary>
public sealed partial class AttemptDigestTests : IDisposable
{
    private const string Paper = "digest-essay";
    private readonly AppFactory _factory = new AppFactory().With("Analytics:Flags:MinResponses", "3");

    public void Dispose() => _factory.Dispose();

    [GeneratedRegex("href=\"(/grading/item/[A-Za-z0-9_-]+)\"")]
    private static partial Regex ItemLink();

    private Task<AttemptDigest?> DigestAsync(string attemptId) => _factory.ScopedAsync(db => db.AttemptDigests.AsNoTracking().FirstOrDefaultAsync(d => d.AttemptId == attemptId));

    [Fact]
    public async Task The_certification_paper_gives_identical_statistics_through_digests_items_and_a_mix_of_both()
    {
        // Twelve trainees of rising ability sit the real certification paper (blueprint draws: single, multiple,
        // true/false, matching, fill-in, essay and case questions; unanswered ones too).
        var deciders = Enumerable.Range(0, 12).Select(t => (Func<string, int, bool>)((id, r) => (r * 7 + t * 3 + id.Length) % 12 < t + 1)).ToList();
        var attempts = await AnalyticsScenario.SitAsync(_factory, PaperSeeder.CertificationId, deciders);
        // Submitting wrote a digest for every attempt, with the marks of its items.
        var first = (await DigestAsync(attempts[0]))!;
        var items = await _factory.ScopedAsync(db => db.AttemptItems.AsNoTracking().Where(i => i.AttemptId == attempts[0]).OrderBy(i => i.QuestionRef).ToListAsync());
        var slots = AttemptDigestCodec.Decode(first.Body);
        Assert.Equal(items.Select(i => (i.QuestionRef, i.QuestionId, i.Version, (double)i.AutoScore, (double)i.Points)),
            slots.Select(s => (s.Ref, s.QuestionId, s.Version, s.Mark, s.Max)));
        Assert.Contains(slots, s => s.OptionsVersion > 0 && s.Chosen.Count > 0);
        Assert.Contains(slots, s => s.OptionsVersion == 0);

        var report = await DigestPaths.AssertEquivalentAsync(_factory, PaperSeeder.CertificationId, attempts.Count);
        Assert.Contains("\"Options\":[{", report); // distractor tallies are part of what was compared
        foreach (var filter in new[] { new StatisticsFilter(Attempts: AttemptSelection.Best), new StatisticsFilter(To: new DateOnly(2020, 1, 1)) })
        {
            var digested = await DigestPaths.ReportAsync(_factory, PaperSeeder.CertificationId, filter);
            await DigestPaths.DeleteAsync(_factory, PaperSeeder.CertificationId, 1);
            Assert.Equal(digested, await DigestPaths.ReportAsync(_factory, PaperSeeder.CertificationId, filter));
            await _factory.Services.GetRequiredService<AttemptDigestBackfill>().RunOnceAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task An_examiners_score_and_a_regrade_rewrite_the_digest_in_the_same_transaction_as_the_marks()
    {
        await _factory.APaper(Paper, "mock", 12m, (ExamScenario.Single, 10m), (ExamScenario.Essay, 10m));
        var trainee = await ExamScenario.TraineeAsync(_factory);
        var id = await ExamScenario.StartAsync(trainee, Paper);
        await ExamScenario.AnswerAsync(_factory, id, (q, l) => q.Type == QuestionType.Essay ? new Response { Text = "先发欢迎短信" } : ExamScenario.WrongChoice(q, l));
        await ExamScenario.SubmitAsync(trainee, id);
        var attempt = await ExamScenario.AttemptAsync(_factory, id);
        var digest = (await DigestAsync(id))!;
        Assert.Equal(attempt.GradedAt, digest.GradedAt);
        Assert.Equal(Paper, digest.PaperId);
        var single = AttemptDigestCodec.Decode(digest.Body).Single(s => s.QuestionId == ExamScenario.Single);
        var essay = AttemptDigestCodec.Decode(digest.Body).Single(s => s.QuestionId == ExamScenario.Essay);
        Assert.Equal((0d, 10d), (single.Mark, single.Max));
        var wrong = await _factory.ScopedAsync(async db => QuestionJson.Deserialize(await db.QuestionVersions
            .Where(v => v.QuestionId == ExamScenario.Single && v.Version == single.Version).Select(v => v.PayloadJson).SingleAsync()));
        // The chosen option is stored as authored, whatever the shuffle showed.
        var chosen = Assert.Single(single.Chosen);
        Assert.False(wrong.Options[chosen].Correct);
        Assert.Equal((0, 0), (essay.OptionsVersion, essay.Chosen.Count));

        // The examiner scores the essay: the digest follows.
        var examiner = await _factory.AUser(Roles.Examiner);
        var item = ItemLink().Match(await examiner.GetStringAsync("/grading")).Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await examiner.PostFormAsync(item, item, [F("Score", "7.5"), F("Comment", "好")])).StatusCode);
        attempt = await ExamScenario.AttemptAsync(_factory, id);
        digest = (await DigestAsync(id))!;
        Assert.Equal(GradingStatus.Final, attempt.Grading);
        Assert.Equal(attempt.GradedAt, digest.GradedAt);
        Assert.Equal(7.5m, digest.Score);
        Assert.Equal(7.5, AttemptDigestCodec.Decode(digest.Body).Single(s => s.QuestionId == ExamScenario.Essay).Mark);

        // A corrected key (the trainee's option is right after all) and a regrade: new version and mark, choice kept.
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var record = await db.Questions.SingleAsync(q => q.Id == ExamScenario.Single);
            var corrected = wrong with { Options = wrong.Options.Select((o, i) => o with { Correct = i == chosen }).ToList() };
            scope.ServiceProvider.GetRequiredService<QuestionVersioning>().AddVersion(record, corrected, "examiner@demo.local", "key corrected", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        var page = $"/grading/regrade/{ExamScenario.Single}";
        Assert.Equal(HttpStatusCode.Redirect, (await examiner.PostFormAsync(page, page, [])).StatusCode);
        attempt = await ExamScenario.AttemptAsync(_factory, id);
        digest = (await DigestAsync(id))!;
        Assert.Equal(17.5m, attempt.Score);
        Assert.Equal(attempt.GradedAt, digest.GradedAt);
        Assert.Equal(17.5m, digest.Score);
        var regraded = AttemptDigestCodec.Decode(digest.Body).Single(s => s.QuestionId == ExamScenario.Single);
        Assert.Equal((single.Version + 1, 10d), (regraded.Version, regraded.Mark));
        Assert.Equal((single.Version, chosen), (regraded.OptionsVersion, Assert.Single(regraded.Chosen))); // as laid out

        await DigestPaths.AssertEquivalentAsync(_factory, Paper, 1);
    }
}
