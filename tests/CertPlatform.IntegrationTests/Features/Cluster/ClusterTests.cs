using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using CertPlatform.IntegrationTests.Features.Records;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Account;
using CertPlatform.Web.Features.Certificates;
using CertPlatform.Web.Features.Exams;
using CertPlatform.Web.Features.Exams.Contract;
using CertPlatform.Web.Features.Papers;
using CertPlatform.Web.Infrastructure.Cluster;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertPlatform.IntegrationTests.Features.Cluster;

/// <summary>
/// The site as a cluster: two instances on one PostgreSQL database (<see cref="TwoInstances"/>). A user's requests may
/// land on either; background loops run on both and still do each piece of work once.
/// </summary>
public sealed partial class ClusterTests(TwoInstances cluster) : IClassFixture<TwoInstances>
{
    private const string MockPaper = "mock-part2";

    [Fact]
    public async Task An_attempt_started_on_one_instance_is_saved_flagged_and_submitted_on_the_other()
    {
        await cluster.A.CreateTraineeAsync("cluster-move@demo.local");
        var (browser, router) = cluster.Browser();
        // Signed in and given the API's antiforgery token by A: B must accept both (shared key ring).
        Assert.Equal(HttpStatusCode.Redirect, (await browser.LoginAsync("cluster-move@demo.local", AppFactory.TraineePassword)).StatusCode);
        await browser.WithApiTokenAsync();
        var start = await browser.StartAsync(MockPaper);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var id = (await start.ReadAsync<AttemptStarted>()).AttemptId;

        router.Target = 'B';
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/exams/attempt/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.SaveAsync(id, 0, new { selected = new[] { 1 } }, 1, baseSeq: 0)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.FlagAsync(id, 1, true)).StatusCode);
        router.Target = 'A';
        // A sees what B saved: a stale seq for the same question is refused with the kept answer.
        Assert.Equal(HttpStatusCode.Conflict, (await browser.SaveAsync(id, 0, new { selected = new[] { 2 } }, 1, baseSeq: 0)).StatusCode);
        router.Target = 'B';
        var submit = await browser.SubmitAsync(id);
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);

        var attempt = await ExamScenario.AttemptAsync(cluster.A, id);
        Assert.Equal((AttemptStatus.Finished, FinishReason.Submitted), (attempt.Status, attempt.FinishReason));
        var answer = await cluster.A.ScopedAsync(db => db.AttemptAnswers.AsNoTracking().SingleAsync(a => a.AttemptId == id && a.QuestionRef == 0));
        Assert.Equal(1, answer.Seq);
        Assert.Contains("1", answer.ResponseJson);
        Assert.Contains('A', router.Served);
        Assert.Contains('B', router.Served);
        router.Target = 'A';
        Assert.Equal(HttpStatusCode.Gone, (await browser.SaveAsync(id, 2, new { selected = new[] { 0 } }, 1)).StatusCode);
    }

    [Fact]
    public async Task An_overdue_attempt_is_finished_exactly_once_when_both_finishers_run()
    {
        var trainee = await cluster.A.NewTraineeClientAsync("cluster-overdue@demo.local");
        var started = await (await trainee.StartAsync(MockPaper)).ReadAsync<AttemptStarted>();
        cluster.Clock.Advance(started.DeadlineUtc - cluster.Clock.GetUtcNow() + TimeSpan.FromSeconds(11)); // past deadline + grace

        var a = cluster.A.Services.GetRequiredService<OverdueAttempts>();
        var b = cluster.B.Services.GetRequiredService<OverdueAttempts>();
        Assert.DoesNotContain(cluster.A.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), h => h is OverdueAttempts); // only this test scans
        // Both loops' rounds (under the cluster lock) and two unlocked scans, all at once: the conditional update lets one win.
        var finished = await Task.WhenAll(
            Task.Run(() => a.RunOnceAsync(CancellationToken.None)), Task.Run(() => b.RunOnceAsync(CancellationToken.None)),
            Task.Run(() => a.FinishOverdueAsync(CancellationToken.None)), Task.Run(() => b.FinishOverdueAsync(CancellationToken.None)));

        Assert.Equal(1, finished.Sum());
        var attempt = await cluster.B.ScopedAsync(db => db.Attempts.AsNoTracking().SingleAsync(x => x.Id == started.AttemptId));
        Assert.Equal((AttemptStatus.Finished, FinishReason.Deadline, started.DeadlineUtc), (attempt.Status, attempt.FinishReason, attempt.FinishedAt!.Value));
        var refs = await cluster.B.ScopedAsync(db => db.AttemptItems.Where(i => i.AttemptId == started.AttemptId).Select(i => i.QuestionRef).ToListAsync());
        Assert.Equal(started.Questions.Count, refs.Count);
        Assert.Equal(refs.Count, refs.Distinct().Count());
        var again = await Task.WhenAll(a.RunOnceAsync(CancellationToken.None), b.RunOnceAsync(CancellationToken.None));
        Assert.Equal(new[] { 0, 0 }, again);
    }

    [Fact]
    public async Task A_missing_certificate_is_issued_exactly_once_when_both_safety_nets_run()
    {
        var trainee = await cluster.A.NewTraineeClientAsync("cluster-cert@demo.local", u => u.FullName = "集群学员");
        var (attemptId, _, issued) = await cluster.A.AFinishedAttempt(trainee);
        var first = issued!;
        // Undo the issue (file, certificate, its audit entry and number): the pass now has no certificate, as after a crash.
        var number = await cluster.A.ScopedAsync(db => db.Certificates.Where(c => c.Id == first).Select(c => c.Number).SingleAsync());
        await cluster.A.ScopedAsync(async db =>
        {
            await db.CertificateFiles.Where(f => f.CertificateId == first).ExecuteDeleteAsync();
            await db.Certificates.Where(c => c.Id == first).ExecuteDeleteAsync();
            await db.AuditEntries.Where(e => e.Target == $"certificate:{number}").ExecuteDeleteAsync();
            return await db.CertificateSequences.ExecuteUpdateAsync(s => s.SetProperty(x => x.Last, x => x.Last - 1));
        });
        var before = await cluster.A.ScopedAsync(db => db.CertificateSequences.SumAsync(s => s.Last));

        var a = cluster.A.Services.GetRequiredService<IssueMissingCertificates>();
        var b = cluster.B.Services.GetRequiredService<IssueMissingCertificates>();
        await Task.WhenAll(
            Task.Run(() => a.RunClusterRoundAsync(CancellationToken.None)), Task.Run(() => b.RunClusterRoundAsync(CancellationToken.None)),
            Task.Run(() => a.RunOnceAsync(CancellationToken.None)), Task.Run(() => b.RunOnceAsync(CancellationToken.None)));

        var cert = await cluster.B.ScopedAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.AttemptId == attemptId));
        Assert.Equal(number, cert.Number); // the one number, reused: every losing issuer's reservation was rolled back
        Assert.Equal(before + 1, await cluster.B.ScopedAsync(db => db.CertificateSequences.SumAsync(s => s.Last)));
        Assert.Equal(1, await cluster.B.ScopedAsync(db => db.CertificateFiles.CountAsync(f => f.CertificateId == cert.Id)));
        Assert.Equal(1, await cluster.B.ScopedAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.CertificateIssued && e.Target == $"certificate:{number}")));
        Assert.Equal(0, await b.RunClusterRoundAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_zip_export_started_on_one_instance_is_followed_and_downloaded_on_the_other_once()
    {
        await new RecordsTestsSeeder(cluster.A).SeedAsync(3);
        var (hr, router) = cluster.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await hr.LoginAsync(Demo.Account(Roles.HR).Email, Demo.Account(Roles.HR).Password)).StatusCode);
        // The form is rendered by A and posted to B: the antiforgery token crosses instances.
        var token = await hr.AntiforgeryTokenAsync("/records");
        router.Target = 'B';
        var start = await hr.PostAsync("/records/export.zip?name=学员", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var status = start.Headers.Location!.OriginalString;
        Assert.Matches("^/records/zip-jobs/[0-9a-f]{32}$", status);

        router.Target = 'A'; // the job runs on B; A reads its state from the shared folder
        var state = "";
        for (var i = 0; i < 150 && state != "ready"; i++)
        {
            var page = await hr.GetAsync(status);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            state = StatePattern().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
            Assert.Contains(state, new[] { "queued", "running", "ready" });
            if (state != "ready") await Task.Delay(100);
        }
        Assert.Equal("ready", state);
        var download = await hr.GetAsync(status + "/download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        using (var zip = new ZipArchive(new MemoryStream(await download.Content.ReadAsByteArrayAsync())))
            Assert.Equal(4, zip.Entries.Count); // three PDFs and manifest.csv

        router.Target = 'B'; // one-time, cluster-wide
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync(status + "/download")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync(status)).StatusCode);
        for (var i = 0; i < 50 && Directory.EnumerateFiles(cluster.ExportFolder).Any(); i++) await Task.Delay(100);
        Assert.Empty(Directory.EnumerateFiles(cluster.ExportFolder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_question_import_previewed_by_one_instance_is_followed_and_committed_on_the_other()
    {
        var (examiner, router) = cluster.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await examiner.LoginAsync(Demo.Account(Roles.Examiner).Email, Demo.Account(Roles.Examiner).Password)).StatusCode);
        var gift = new System.Text.StringBuilder("// @certplatform {\"lessonId\":\"p1-swot\"}\n");
        for (var i = 1; i <= 30; i++) gift.Append($"::cluster-import-{i:D2}::SWOT 分析第 {i} 条说法正确。{{T}}\n\n");
        router.Target = 'B';
        var upload = await QuestionBank.QuestionImportExportTests.Upload(examiner, "cluster.gift", System.Text.Encoding.UTF8.GetBytes(gift.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var status = upload.Headers.Location!.OriginalString;
        Assert.Matches("^/bank/import/[0-9a-f-]{36}$", status);

        router.Target = 'A'; // B reads the file; A shows the job's progress and then the preview from its database row
        var html = "";
        for (var i = 0; i < 150; i++)
        {
            var page = await examiner.GetAsync(status);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            html = await page.Content.ReadAsStringAsync();
            Assert.DoesNotContain("data-state=\"failed\"", html);
            if (!html.Contains("id=\"import-job\"", StringComparison.Ordinal)) break;
            await Task.Delay(100);
        }
        Assert.DoesNotContain("id=\"import-job\"", html);
        var commit = System.Net.WebUtility.HtmlDecode(ImportCommitPattern().Match(html).Groups[1].Value);
        Assert.StartsWith(status, commit);
        var committed = await examiner.PostFormAsync("/bank/import", commit, []);
        Assert.Equal("/bank", committed.Headers.Location?.OriginalString);
        Assert.Contains('A', router.Served);
        Assert.Contains('B', router.Served);
        Assert.Equal(30, await cluster.B.ScopedAsync(db => db.Questions.CountAsync(q => q.Id.StartsWith("cluster-import-"))));
        router.Target = 'B';
        Assert.Equal(HttpStatusCode.NotFound, (await examiner.GetAsync(status)).StatusCode); // committed: gone everywhere
    }

    [Fact]
    public async Task The_cluster_lock_is_held_by_one_instance_at_a_time()
    {
        var a = cluster.A.Services.GetRequiredService<IClusterLock>();
        var b = cluster.B.Services.GetRequiredService<IClusterLock>();
        Assert.IsType<PostgresAdvisoryLock>(a);
        var holding = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var first = a.TryRunAsync("test.cluster-lock", async _ => { holding.SetResult(); await release.Task; }, CancellationToken.None);
        await holding.Task;
        var ran = false;
        Assert.False(await b.TryRunAsync("test.cluster-lock", _ => { ran = true; return Task.CompletedTask; }, CancellationToken.None));
        Assert.True(await b.TryRunAsync("test.other-lock", _ => Task.CompletedTask, CancellationToken.None));
        release.SetResult();
        Assert.True(await first);
        Assert.True(await b.TryRunAsync("test.cluster-lock", _ => { ran = true; return Task.CompletedTask; }, CancellationToken.None));
        Assert.True(ran);
    }

    [GeneratedRegex("id=\"zip-job\" data-state=\"([a-z]+)\"")]
    private static partial Regex StatePattern();

    [GeneratedRegex("action=\"(/bank/import/[0-9a-f-]+/commit)\"")]
    private static partial Regex ImportCommitPattern();
}
