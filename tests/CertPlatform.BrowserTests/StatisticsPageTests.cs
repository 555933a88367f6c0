using System.Globalization;
using CertPlatform.BrowserTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Account;
using CertPlatform.Web.Features.Analytics;
using CertPlatform.Web.Features.Exams;
using CertPlatform.Web.Features.Papers;
using CertPlatform.Web.Features.QuestionBank;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertPlatform.BrowserTests;

/// <summary>
/// An examiner opens the statistics of the seeded certification paper after a batch of attempts, in a real browser:
/// the test table, the question table (sorted by clicking a column), the SVG histogram, the facility × discrimination
/// scatter with flagged questions in red, reliability per part, flags with reasons, and CSV/XLSX downloads.
/// </summary>
[Collection(ExamSiteCollection.Name)]
public sealed class StatisticsPageTests(ExamSiteFixture site)
{
    private const int Trainees = 12;

    /// <summary>
    /// Twelve trainees of rising ability sit the certification paper through the exam use cases (start, stored answers,
    /// finish); every tenth displayed question is answered right by the weaker trainees only, so it discriminates
    /// negatively and is flagged. Essay and case parts get 0 from the examiner, so every attempt has a final result.
    /// </summary>
    private async Task SitBatchAsync()
    {
        for (var t = 0; t < Trainees; t++)
        {
            var (email, _, userId) = await site.CreateTraineeAsync($"统计学员{t}");
            string attemptId;
            using (var scope = site.Services.CreateScope())
            {
                var sp = scope.ServiceProvider;
                var db = sp.GetRequiredService<AppDbContext>();
                var user = await db.Users.SingleAsync(u => u.Id == userId);
                var started = await sp.GetRequiredService<StartAttempt>().RunAsync(PaperSeeder.CertificationId, user, null, CancellationToken.None);
                Assert.True(started.Attempt is not null, $"{email}: {started.Outcome}");
                attemptId = started.Attempt!.Id;
                var questions = sp.GetRequiredService<QuestionVersionCache>();
                foreach (var l in AttemptLayout.Parse(started.Attempt.LayoutJson))
                {
                    var q = await questions.GetAsync(l.QuestionId, l.Version, db, CancellationToken.None);
                    var right = l.Ref % 10 == 3 ? t < Trainees / 2 : (l.Ref * 7 + t * 5) % Trainees < t + 1;
                    if (Answer(q, l, right, t) is { } r)
                        db.AttemptAnswers.Add(new AttemptAnswer { AttemptId = attemptId, QuestionRef = l.Ref, ResponseJson = ResponseJson.Serialize(r), Seq = 1 });
                }
                await db.SaveChangesAsync();
            }
            using (var scope = site.Services.CreateScope())
                await scope.ServiceProvider.GetRequiredService<FinishAttempt>().RunAsync(attemptId, FinishReason.Submitted, DateTimeOffset.UtcNow, CancellationToken.None);
            using (var scope = site.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var attempt = await db.Attempts.SingleAsync(a => a.Id == attemptId);
                if (attempt.Grading == GradingStatus.AwaitingManual)
                {
                    var items = await db.AttemptItems.Where(i => i.AttemptId == attemptId).ToListAsync();
                    foreach (var i in items.Where(i => i.NeedsManual)) i.ManualScore = 0;
                    AttemptGrading.Total(attempt, items, DateTimeOffset.UtcNow);
                    await db.SaveChangesAsync();
                }
            }
        }
        await site.Services.GetRequiredService<AttemptDigestBackfill>().RunOnceAsync(CancellationToken.None);
    }

    /// <summary>
    /// The key, or a wrong option (trainee t picks the t-th wrong option, round robin, so every distractor is chosen by
    /// someone; the opposite of true/false), in displayed positions; other types unanswered.
    /// </summary>
    private static Response? Answer(Question q, LaidOutQuestion l, bool right, int t)
    {
        var order = l.Order.ToList();
        var wrong = q.Options.Select((o, i) => (o, i)).Where(x => !x.o.Correct).Select(x => x.i).ToList();
        return q.Type switch
        {
            QuestionType.Single or QuestionType.Multiple when right => new Response { Selected = Enumerable.Range(0, order.Count).Where(d => q.Options[order[d]].Correct).ToList() },
            QuestionType.Single or QuestionType.Multiple => new Response { Selected = [order.IndexOf(wrong[t % wrong.Count])] },
            QuestionType.TrueFalse => new Response { TrueFalse = right ? q.TrueFalseAnswer : !q.TrueFalseAnswer },
            _ => null,
        };
    }

    private static async Task<List<double>> FacilitiesAsync(IPage page) =>
        (await page.Locator("#questions-table tbody td.facility").AllInnerTextsAsync())
            .Select(s => double.Parse(s.Trim().TrimEnd('%'), CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public async Task An_examiner_sees_every_figure_chart_and_flag_of_the_certification_paper_sorts_a_column_and_downloads_the_exports()
    {
        await SitBatchAsync();
        var examiner = DemoAccounts.All.Single(a => a.Role == Roles.Examiner);
        await using var context = await site.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var url = $"/analytics/papers/{PaperSeeder.CertificationId}";
        await page.LogInAsync(examiner.Email, examiner.Password, url);

        // The test table: every figure of Moodle's test-level report.
        await Expect(page.Locator("#test-table tr[data-stat='attempts'] td").Nth(1)).ToHaveTextAsync(Trainees.ToString(CultureInfo.InvariantCulture));
        foreach (var stat in new[] { "mean", "median", "sd", "skewness", "kurtosis", "cic", "error-ratio", "standard-error" })
            await Expect(page.Locator($"#test-table tr[data-stat='{stat}'] td").Nth(1)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^-?\d"));

        // The question table, one row per slot of the blueprint, with a flagged row whose reason says to check the key.
        var rows = page.Locator("#questions-table tbody tr");
        Assert.True(await rows.CountAsync() >= 20, $"{await rows.CountAsync()} slot rows");
        var negative = page.Locator("#questions-table tbody tr.row-flagged .badge.bad");
        Assert.True(await negative.CountAsync() > 0, "no question flagged for negative discrimination");
        await Expect(negative.First).ToHaveTextAsync("请检查答案");
        Assert.Contains("请检查答案是否设错", await negative.First.GetAttributeAsync("title"));
        await Expect(page.Locator("#versions-table")).ToBeVisibleAsync();
        await Expect(page.Locator("#parts-table tbody tr")).ToHaveCountAsync(4);

        // Charts: ten histogram bars holding every attempt, red (flagged) and blue points, one reliability bar per part and the paper.
        await Expect(page.Locator("#histogram svg rect")).ToHaveCountAsync(10);
        var bars = await page.Locator("#histogram g.bar > text:first-of-type").AllTextContentsAsync();
        Assert.Equal(Trainees, bars.Sum(b => int.Parse(b, CultureInfo.InvariantCulture)));
        var flagged = page.Locator("#scatter circle.flagged");
        Assert.True(await flagged.CountAsync() > 0, "no flagged point in the scatter");
        Assert.Equal("#c0392b", await flagged.First.GetAttributeAsync("fill"));
        Assert.True(await page.Locator("#scatter circle.ok").CountAsync() > 0, "no unflagged point in the scatter");
        await Expect(page.Locator("#reliability g.part-reliability")).ToHaveCountAsync(5);
        await Expect(page.Locator("#histogram svg")).ToBeVisibleAsync();
        await Expect(page.Locator("#scatter svg")).ToBeVisibleAsync();

        // The charts use the width they are given: two to a row at 1366 px (not 360 px each), ticks about 15 px high;
        // on a 390 px phone each fits the screen and its ticks stay at least 10 px.
        foreach (var chart in new[] { "#histogram", "#scatter", "#reliability" })
        {
            var width = await page.Locator($"{chart} svg").EvaluateAsync<double>("e => e.getBoundingClientRect().width");
            Assert.True(width >= 480, $"{chart} is {width} px wide at 1366 px");
        }
        Assert.True(await TickHeightAsync(page) >= 14, $"histogram ticks {await TickHeightAsync(page)} px high at 1366 px");
        await Expect(page.Locator("#scatter svg text.axis-label")).ToHaveCountAsync(2);
        await page.SetViewportSizeAsync(390, 844);
        foreach (var chart in new[] { "#histogram", "#scatter", "#reliability" })
        {
            var width = await page.Locator($"{chart} svg").EvaluateAsync<double>("e => e.getBoundingClientRect().width");
            Assert.True(width is >= 300 and <= 390, $"{chart} is {width} px wide at 390 px");
        }
        Assert.True(await TickHeightAsync(page) >= 10, $"histogram ticks {await TickHeightAsync(page)} px high at 390 px");
        await page.SetViewportSizeAsync(1366, 900);

        // Sorting: clicking the facility header reorders the rows by facility, clicking again reverses them.
        var before = await FacilitiesAsync(page);
        await page.Locator("#questions-table thead a", new() { HasTextString = "得分率" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("sort=facility", StringComparison.Ordinal));
        var ascending = await FacilitiesAsync(page);
        Assert.Equal(before.Order(), ascending);
        Assert.NotEqual(before, ascending);
        await page.Locator("#questions-table thead a", new() { HasTextString = "得分率" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("desc=true", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(before.OrderDescending(), await FacilitiesAsync(page));

        // Exports: the question table as CSV and XLSX, through the page's own links.
        var csv = await DownloadAsync(page, page.Locator("#questions-heading .exports a", new() { HasTextString = "CSV" }));
        var text = System.Text.Encoding.UTF8.GetString(csv).TrimStart('\uFEFF');
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("question,slot,version,type,attempts,facility,sd,", lines[0].Replace("\"", ""));
        Assert.True(lines.Length > before.Count, $"{lines.Length} CSV lines for {before.Count} slots");
        Assert.Contains(lines, l => l.Contains("negative_discrimination", StringComparison.Ordinal));
        var xlsx = await DownloadAsync(page, page.Locator("#questions-heading .exports a", new() { HasTextString = "XLSX" }));
        Assert.Equal("PK"u8.ToArray(), xlsx[..2]);
        var options = await DownloadAsync(page, page.Locator("#options-heading .exports a", new() { HasTextString = "CSV" }));
        Assert.True(options.Length > 100, $"options CSV of {options.Length} bytes");
    }

    /// <summary>The rendered height of the histogram's first tick label (its font size on screen, in CSS pixels).</summary>
    private static Task<double> TickHeightAsync(IPage page) =>
        page.Locator("#histogram g.bar text").Nth(1).EvaluateAsync<double>("e => e.getBoundingClientRect().height");

    private static async Task<byte[]> DownloadAsync(IPage page, ILocator link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Null(await download.FailureAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
