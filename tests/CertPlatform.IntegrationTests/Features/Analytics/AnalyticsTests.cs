using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Features.Analytics;
using CertPlatform.Web.Features.Papers;
using CertPlatform.Web.Features.QuestionBank;
using CertPlatform.Web.Infrastructure;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertPlatform.IntegrationTests.Features.Analytics;

/// <summary>
/// Item analysis on the real app: attempts sat through the exam API, the statistics page, its charts
/// and exports, uploaded matrices, the question panel, the cohort view and blueprint exclusions.
/// </summary>
public sealed class AnalyticsTests : IDisposable
{
    private const string Fixed = "analytics-fixed";
    private readonly AppFactory _factory = new AppFactory().With("Analytics:Flags:MinResponses", "3");

    public void Dispose() => _factory.Dispose();

    /// <summary>
    /// Four trainees, four single-choice questions (1 point each): Q1–Q3 a staircase (trainee t gets question j right when j &lt; 3 − t),
    /// Q4 right for everyone. Totals 4, 3, 2, 1: mean 62.5 %, SD √(5/3)/4 = 32.27 %, item variances ¼, ⅓, ¼, 0 → α = 4/3·(1 − (5/6)/(5/3)) = 66.67 %.
    /// </summary>
    private async Task<List<string>> FixedBatchAsync()
    {
        var questions = await AnalyticsScenario.ReadyQuestionsAsync(_factory, "Single", 4);
        await _factory.APaper(Fixed, "mock", 2m, questions.Select(q => (q, 1m)).ToArray());
        var deciders = Enumerable.Range(0, 4).Select(t => (Func<string, int, bool>)((id, _) => questions.IndexOf(id) is var j && (j == 3 || j < 3 - t))).ToList();
        await AnalyticsScenario.SitAsync(_factory, Fixed, deciders, organization: "杭州分公司");
        return questions;
    }

    private static List<string[]> Csv(byte[] bytes)
    {
        using var reader = new CsvReader(new StringReader(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF')), new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false });
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add(reader.Parser.Record!);
        return rows;
    }

    private static double Stat(List<string[]> testCsv, string stat) => double.Parse(testCsv.Single(r => r[0] == stat)[1], CultureInfo.InvariantCulture);

    [Fact]
    public async Task Known_marks_give_the_hand_computed_figures_on_the_page_and_in_every_export()
    {
        var questions = await FixedBatchAsync();
        var examiner = await _factory.AUser(Roles.Examiner);
        var page = await examiner.GetAsync($"/analytics/papers/{Fixed}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var doc = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        string Cell(string stat) => doc.QuerySelector($"#test-table tr[data-stat='{stat}'] td:nth-child(2)")!.TextContent.Trim();
        Assert.Equal("4", Cell("attempts"));
        Assert.StartsWith("62.50%", Cell("mean"));
        Assert.Equal("66.67%", Cell("cic"));
        Assert.Equal("32.27%", Cell("sd"));
        Assert.Contains(doc.QuerySelectorAll(".test-flag"), p => p.TextContent.Contains("试卷信度偏低"));
        var rows = doc.QuerySelectorAll("#questions-table tbody tr");
        Assert.Equal(4, rows.Length);
        var q1 = rows.Single(r => r.TextContent.Contains(questions[0]));
        Assert.Equal("75.00%", q1.QuerySelector(".facility")!.TextContent.Trim());
        Assert.Equal("52.22%", q1.QuerySelector(".discrimination")!.TextContent.Trim());
        var q4 = rows.Single(r => r.TextContent.Contains(questions[3]));
        Assert.Contains("太容易", q4.QuerySelector(".flags")!.TextContent);
        Assert.Equal("—", q4.QuerySelector(".discrimination")!.TextContent.Trim()); // zero variance: no discrimination
        // Charts: histogram, scatter (Q4 has no discrimination, so 3 points), reliability bar for the paper.
        Assert.Equal(10, doc.QuerySelectorAll("#histogram rect").Length);
        Assert.Equal(3, doc.QuerySelectorAll("#scatter circle").Length);
        Assert.NotNull(doc.QuerySelector("#reliability rect"));
        // Distractors of Q1: the bottom scorer chose the last wrong option; the others nobody chose.
        var options = doc.GetElementById($"options-{questions[0]}-1")!;
        Assert.Contains("几乎没人选", options.TextContent);

        // Sorting by facility (descending) puts Q4 first.
        var sorted = new HtmlParser().ParseDocument(await examiner.GetStringAsync($"/analytics/papers/{Fixed}?sort=facility&desc=true"));
        Assert.Contains(questions[3], sorted.QuerySelector("#questions-table tbody tr")!.TextContent);

        var test = Csv(await examiner.GetByteArrayAsync($"/analytics/papers/{Fixed}/export?table=test&format=csv"));
        Assert.Equal(["stat", "value"], test[0]);
        Assert.Equal(4, Stat(test, "attempts"));
        Assert.Equal(62.5, Stat(test, "mean"), 3);
        Assert.Equal(62.5, Stat(test, "median"), 3);
        Assert.Equal(100 * Math.Sqrt(5.0 / 3) / 4, Stat(test, "sd"), 3);
        Assert.Equal(0, Stat(test, "skewness"), 3);
        Assert.Equal(-1.2, Stat(test, "kurtosis"), 3);
        Assert.Equal(66.6667, Stat(test, "cronbach_alpha"), 3);
        Assert.Equal(100 * Math.Sqrt(1 - 2.0 / 3), Stat(test, "error_ratio"), 3);
        var q = Csv(await examiner.GetByteArrayAsync($"/analytics/papers/{Fixed}/export?table=questions&format=csv"));
        var header = q[0].ToList();
        var q2 = q.Single(r => r[0] == questions[1]);
        Assert.Equal(50, double.Parse(q2[header.IndexOf("facility")], CultureInfo.InvariantCulture), 3);
        Assert.Equal(70.7107, double.Parse(q2[header.IndexOf("discrimination_index")], CultureInfo.InvariantCulture), 3);
        Assert.Equal(25, double.Parse(q2[header.IndexOf("intended_weight")], CultureInfo.InvariantCulture), 3);
        Assert.StartsWith("too_easy;unused_distractor(", q.Single(r => r[0] == questions[3])[header.IndexOf("flags")]);
        var o = Csv(await examiner.GetByteArrayAsync($"/analytics/papers/{Fixed}/export?table=options&format=csv"));
        var chosenWrong = o.Single(r => r[0] == questions[0] && r[3] == "0" && r[4] == "1");
        Assert.Equal(["25", "0", "100"], chosenWrong[5..8]);
        var key = o.Single(r => r[0] == questions[0] && r[3] == "1");
        Assert.Equal(["3", "75", "100", "0"], key[4..8]);
        Assert.Equal(2, Csv(await examiner.GetByteArrayAsync($"/analytics/papers/{Fixed}/export?table=parts&format=csv")).Count);

        var xlsx = await examiner.GetAsync($"/analytics/papers/{Fixed}/export?table=questions&format=xlsx");
        Assert.Equal(TableExport.XlsxContentType, xlsx.Content.Headers.ContentType!.MediaType);
        using var sheet = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        Assert.Equal(5, sheet.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Count());

        // Attempt selection and date range: "first" is the same here; a range before today has nothing.
        Assert.Equal(4, Stat(Csv(await examiner.GetByteArrayAsync($"/analytics/papers/{Fixed}/export?table=test&format=csv&attempts=first")), "attempts"));
        Assert.Equal(0, Stat(Csv(await examiner.GetByteArrayAsync($"/analytics/papers/{Fixed}/export?table=test&format=csv&to=2020-01-01")), "attempts"));
        Assert.Equal(HttpStatusCode.BadRequest, (await examiner.GetAsync($"/analytics/papers/{Fixed}?from=yesterday")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await examiner.GetAsync("/analytics/papers/no-such-paper")).StatusCode);
    }

    [Fact]
    public async Task The_question_page_cohort_view_and_blueprint_feasibility_use_what_the_analysis_learnt()
    {
        var questions = await FixedBatchAsync();
        var examiner = await _factory.AUser(Roles.Examiner);

        var bank = new HtmlParser().ParseDocument(await examiner.GetStringAsync($"/bank/{questions[3]}"));
        var panel = bank.GetElementById("question-statistics")!;
        Assert.Contains("100.00%", panel.TextContent);
        Assert.Contains("太容易", panel.TextContent);

        var hr = await _factory.SignedInClient(Demo.Account(Roles.HR).Email, Demo.Account(Roles.HR).Password);
        var cohort = new HtmlParser().ParseDocument(await hr.GetStringAsync("/analytics/cohort?organization=" + Uri.EscapeDataString("杭州分公司")));
        Assert.NotEmpty(cohort.QuerySelectorAll("#weakest li"));
        var mastery = Csv(await hr.GetByteArrayAsync("/analytics/cohort/export?format=csv"));
        Assert.Equal(["level", "id", "title", "responses", "trainees", "mastery"], mastery[0]);
        Assert.Equal(16, mastery.Where(r => r[0] == "lesson").Sum(r => int.Parse(r[3], CultureInfo.InvariantCulture)));
        Assert.NotEqual(HttpStatusCode.OK, (await hr.GetAsync($"/analytics/papers/{Fixed}")).StatusCode); // paper statistics are for examiners

        // A blueprint section that accepts Q4 (too easy for everyone): excluded when the paper asks, and never drawn.
        var lesson = await _factory.ScopedAsync(db => db.Questions.Where(x => x.Id == questions[3]).Select(x => x.LessonId).SingleAsync());
        var section = new BlueprintSection("单选", 1, 1m, LessonId: lesson, Type: "Single");
        await AnalyticsScenario.CreateBlueprintPaperAsync(_factory, "analytics-excluding", section, excludeFlagged: true);
        await AnalyticsScenario.CreateBlueprintPaperAsync(_factory, "analytics-including", section, excludeFlagged: false);
        var papers = new HtmlParser().ParseDocument(await examiner.GetStringAsync("/papers"));
        Assert.Contains("已排除 1 道：太容易 1", papers.GetElementById("paper-analytics-excluding")!.TextContent);
        Assert.DoesNotContain("已排除", papers.GetElementById("paper-analytics-including")!.TextContent);

        using var scope = _factory.Services.CreateScope();
        var quality = scope.ServiceProvider.GetRequiredService<ItemQuality>();
        var pool = await quality.EnrichAsync((await scope.ServiceProvider.GetRequiredService<QuestionVersionCache>().PoolAsync(default)).Candidates, default);
        var policy = new DrawPolicy(ExcludeFlagged: true);
        var all = Blueprint.Feasibility([section], pool)[0].Available;
        var feasible = Blueprint.Feasibility([section], pool, policy: policy)[0];
        Assert.Equal((all - 1, 1), (feasible.Available, feasible.Excluded));
        // Drawing every question the section accepts: Q4 is in the paper unless the policy excludes it.
        var everything = section with { Count = all };
        Assert.Contains(questions[3], Blueprint.Draw([everything], pool, new HashSet<string>(), 1).Select(d => d.Id));
        var excluding = Blueprint.Draw([everything with { Count = all - 1 }], pool, new HashSet<string>(), 1, policy).Select(d => d.Id).ToList();
        Assert.Equal(all - 1, excluding.Count);
        Assert.DoesNotContain(questions[3], excluding);
        Assert.Throws<InvalidOperationException>(() => Blueprint.Draw([everything], pool, new HashSet<string>(), 1, policy));
    }

    [Fact]
    public async Task An_uploaded_matrix_gets_the_same_figures_and_bad_files_are_named_by_row_and_column()
    {
        var examiner = await _factory.AUser(Roles.Examiner);
        const string matrix = "attempt,Q1,Q2,Q3\nt0,1,1,1\nt1,1,1,0\nt2,1,0,0\nt3,0,0,0\n";
        var good = matrix.Replace("attempt,Q1,Q2,Q3\n", "attempt,Q1,Q2,Q3\nmax,1,1,1\n");
        var response = await UploadAsync(examiner, "matrix.csv", Encoding.UTF8.GetBytes(good));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("75.00%", doc.QuerySelector("#test-table tr[data-stat='cic'] td:nth-child(2)")!.TextContent.Trim());
        var export = doc.QuerySelector("#test-heading a")!.GetAttribute("href")!;
        var test = Csv(await examiner.GetByteArrayAsync(export));
        Assert.Equal(75, Stat(test, "cronbach_alpha"), 6);
        Assert.Equal(50, Stat(test, "mean"), 6);
        // The export belongs to the examiner who uploaded it.
        var admin = await _factory.SignedInClient(Demo.Account(Roles.Admin).Email, Demo.Account(Roles.Admin).Password);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(export)).StatusCode);

        // The same matrix as XLSX.
        var rows = good.Trim().Split('\n').Select(l => (IReadOnlyList<ExportCell>)l.Split(',').Select(c => double.TryParse(c, out _) ? new ExportCell(c, true) : new ExportCell(c)).ToList());
        var xlsx = await UploadAsync(examiner, "matrix.xlsx", TableExport.Xlsx(rows, "m"));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Contains("75.00%", await xlsx.Content.ReadAsStringAsync());

        var bad = await UploadAsync(examiner, "bad.csv", Encoding.UTF8.GetBytes("attempt,Q1,Q2\nmax,1,1\nt0,1,x\nt1,1,3\n"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = new HtmlParser().ParseDocument(await bad.Content.ReadAsStringAsync()).GetElementById("upload-errors")!.TextContent;
        Assert.Contains("bad.csv: 第 3 行，第 3 列（C）：得分“x”不是数字。", errors);
        Assert.Contains("第 4 行，第 3 列（C）：得分 3 超出 0 到该题满分的范围。", errors);
        var missingMax = await UploadAsync(examiner, "nomax.csv", Encoding.UTF8.GetBytes(matrix));
        Assert.Equal(HttpStatusCode.BadRequest, missingMax.StatusCode);
        Assert.Contains("第 2 行，第 1 列（A）：第二行的第一格应为 max", await missingMax.Content.ReadAsStringAsync());
        var broken = await UploadAsync(examiner, "broken.xlsx", [1, 2, 3]);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
    }

    [Fact]
    public async Task The_seeded_certification_paper_after_a_batch_of_attempts_shows_every_figure_flags_and_charts()
    {
        // Twelve trainees of rising ability sit the real certification paper (83 questions drawn by its blueprint).
        var deciders = Enumerable.Range(0, 12).Select(t => (Func<string, int, bool>)((id, r) => (r * 7 + t * 3 + id.Length) % 12 < t + 1)).ToList();
        var attempts = await AnalyticsScenario.SitAsync(_factory, PaperSeeder.CertificationId, deciders);
        var examiner = await _factory.AUser(Roles.Examiner);
        var doc = new HtmlParser().ParseDocument(await examiner.GetStringAsync($"/analytics/papers/{PaperSeeder.CertificationId}"));
        Assert.Equal("12", doc.QuerySelector("#test-table tr[data-stat='attempts'] td:nth-child(2)")!.TextContent.Trim());
        foreach (var stat in new[] { "mean", "median", "sd", "skewness", "kurtosis", "cic", "error-ratio", "standard-error" })
            Assert.NotEqual("—", doc.QuerySelector($"#test-table tr[data-stat='{stat}'] td:nth-child(2)")!.TextContent.Trim());
        Assert.Equal(4, doc.QuerySelectorAll("#parts-table tbody tr").Length);
        Assert.Equal(PaperSeeder.CertificationBlueprint.Sum(s => s.Count), doc.QuerySelectorAll("#questions-table tbody tr").Length);
        Assert.NotEmpty(doc.QuerySelectorAll("#versions-table tbody tr"));
        Assert.NotEmpty(doc.QuerySelectorAll("#scatter circle"));
        Assert.Equal(5, doc.QuerySelectorAll("#reliability rect").Length + doc.QuerySelectorAll("#reliability .part-reliability").Count(g => g.QuerySelector("rect") is null));
        Assert.NotEmpty(doc.QuerySelectorAll("details.options"));
        Assert.NotEmpty(doc.QuerySelectorAll("#questions-table .flags .badge"));

        // The mean is the mean of the attempts' own scores.
        var scores = await _factory.ScopedAsync(db => db.Attempts.Where(a => attempts.Contains(a.Id)).Select(a => new { a.Score, a.MaxScore }).ToListAsync());
        var test = Csv(await examiner.GetByteArrayAsync($"/analytics/papers/{PaperSeeder.CertificationId}/export?table=test&format=csv"));
        Assert.Equal(scores.Average(s => (double)(s.Score! / s.MaxScore) * 100), Stat(test, "mean"), 3);
        Assert.Equal((double)scores[0].MaxScore, Stat(test, "max_mark"), 6);
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content) =>
        Upload.File(client, "/analytics", "/analytics/upload", fileName, content);
}
