using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using AngleSharp.Html.Parser;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Exams;
using CertPlatform.Web.Features.Results;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertPlatform.IntegrationTests.Features.Results;

public sealed class ResultsTests : IDisposable
{
    private const string Paper = "results-paper";
    private const string FormulaName = "=HYPERLINK(\"http://x\",\"y\")";
    private readonly AppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>Two attempts at a one-question paper: the demo trainee passes, a trainee named like a formula fails.</summary>
    private async Task<(string Passed, string Failed)> TwoAttemptsAsync()
    {
        await _factory.APaper(Paper, "mock", 6m, (ExamScenario.Single, 10m));
        var good = await ExamScenario.TraineeAsync(_factory);
        var passed = await ExamScenario.StartAsync(good, Paper);
        await ExamScenario.AnswerAsync(_factory, passed, ExamKeys.DisplayedKey);
        Assert.Equal(HttpStatusCode.OK, (await good.PostAsJsonAsync($"/api/attempts/{passed}/events", new { kind = "focus-lost", detail = "blur" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await good.PostAsJsonAsync($"/api/attempts/{passed}/events", new { kind = "focus-back", detail = "" })).StatusCode);
        await ExamScenario.SubmitAsync(good, passed);

        var formula = await ExamScenario.TraineeAsync(_factory, "formula@demo.local", FormulaName, "X9001", "@SUM(A1)");
        var failed = await ExamScenario.StartAsync(formula, Paper);
        await ExamScenario.AnswerAsync(_factory, failed, ExamScenario.WrongChoice);
        await ExamScenario.SubmitAsync(formula, failed);
        return (passed, failed);
    }

    [Fact]
    public async Task The_overview_shows_counts_pass_rate_mean_and_a_distribution_chart()
    {
        await TwoAttemptsAsync();
        var examiner = await _factory.AUser(Roles.Examiner);
        var html = await examiner.GetStringAsync("/results");
        var doc = new HtmlParser().ParseDocument(html);
        var section = doc.GetElementById($"paper-{Paper}");
        Assert.NotNull(section);
        Assert.Equal("2", section.QuerySelector(".stat-attempts")!.TextContent.Trim());
        Assert.Equal("2", section.QuerySelector(".stat-finished")!.TextContent.Trim());
        Assert.StartsWith("50%", section.QuerySelector(".stat-pass-rate")!.TextContent.Trim());
        Assert.StartsWith("5 / 10", section.QuerySelector(".stat-mean")!.TextContent.Trim());
        var bars = section.QuerySelectorAll("svg rect");
        Assert.Equal(10, bars.Length);
        Assert.Equal(2, bars.Count(b => int.Parse(b.GetAttribute("height")!, CultureInfo.InvariantCulture) > 0)); // 0–10% and 90–100%
        // Seeded papers nobody sat are listed with no pass rate.
        Assert.Equal("—", doc.GetElementById("paper-mock-part1")!.QuerySelector(".stat-pass-rate")!.TextContent.Trim().Split(' ')[0]);
        // HR may read the overview too.
        var hr = await _factory.AUser(Roles.HR);
        Assert.Contains("50%", await hr.GetStringAsync("/results"));
    }

    [Fact]
    public async Task The_paper_page_lists_attempts_and_the_drill_down_shows_questions_answers_and_the_timeline()
    {
        var (passed, failed) = await TwoAttemptsAsync();
        var examiner = await _factory.AUser(Roles.Examiner);
        var doc = new HtmlParser().ParseDocument(await examiner.GetStringAsync($"/results/{Paper}"));
        var rows = doc.QuerySelectorAll("#attempts-table tbody tr");
        Assert.Equal(2, rows.Length);
        var good = rows.Single(r => r.TextContent.Contains(Demo.Account(Roles.Trainee).FullName));
        Assert.Contains(Demo.Account(Roles.Trainee).EmployeeNumber, good.TextContent);
        Assert.Contains("10 / 10", good.TextContent);
        Assert.Contains("通过", good.TextContent);
        Assert.Equal("1", good.Children[9].TextContent.Trim()); // one focus loss (focus-back does not count)
        Assert.Contains(FormulaName, rows.Single(r => r != good).TextContent); // shown as text

        var detail = new HtmlParser().ParseDocument(await examiner.GetStringAsync($"/results/attempt/{passed}"));
        Assert.Equal("1", detail.GetElementById("focus-loss-count")!.TextContent.Trim());
        var timeline = detail.GetElementById("attempt-timeline")!.TextContent;
        Assert.Contains("离开考试窗口", timeline);
        Assert.Contains("回到考试窗口", timeline);
        Assert.Contains("blur", timeline);
        var question = detail.QuerySelector("#questions-table tbody tr")!;
        Assert.Contains(ExamScenario.Single, question.TextContent);
        Assert.Contains("10 / 10", question.TextContent);
        Assert.Matches("[A-H]\\. ", question.TextContent); // the chosen option as the candidate saw it

        Assert.Equal(HttpStatusCode.NotFound, (await examiner.GetAsync("/results/attempt/00000000000000000000000000000000")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await examiner.GetAsync("/results/no-such-paper")).StatusCode);
        Assert.Contains("未通过", (await examiner.GetStringAsync($"/results/attempt/{failed}")));
    }

    [Fact]
    public async Task Csv_and_xlsx_exports_neutralise_formulas_in_names()
    {
        await TwoAttemptsAsync();
        var examiner = await _factory.AUser(Roles.Examiner);

        var csvResponse = await examiner.GetAsync($"/results/{Paper}/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", text);
        using (var csv = new CsvReader(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false }))
        {
            var cells = new List<string>();
            while (csv.Read()) cells.AddRange(csv.Parser.Record!);
            Assert.Contains("'" + FormulaName, cells);
            Assert.Contains("'@SUM(A1)", cells);
            Assert.Contains(Demo.Account(Roles.Trainee).FullName, cells);
            Assert.DoesNotContain(cells, c => c.Length > 0 && FormulaStarts.Contains(c[0]));
        }

        var xlsxResponse = await examiner.GetAsync($"/results/{Paper}/export?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        using var stream = new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync());
        using var doc = SpreadsheetDocument.Open(stream, false);
        var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.Empty(sheet.Descendants<CellFormula>());
        var texts = sheet.Descendants<Cell>().Where(c => c.DataType?.Value == CellValues.InlineString).Select(c => c.InlineString!.Text!.Text).ToList();
        Assert.Contains("'" + FormulaName, texts);
        Assert.Contains("'@SUM(A1)", texts);
        Assert.DoesNotContain(texts, t => t.Length > 0 && FormulaStarts.Contains(t[0]));
        var scores = sheet.Descendants<Cell>().Where(c => c.DataType?.Value == CellValues.Number).Select(c => c.CellValue!.Text).ToList();
        Assert.Contains("10", scores.Select(s => decimal.Parse(s, CultureInfo.InvariantCulture).ToString("0.##", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task The_attempt_report_totals_points_by_section_and_part()
    {
        await _factory.APaper("report", "mock", 12m, (ExamScenario.Single, 4m), (ExamScenario.Essay, 6m));
        var trainee = await ExamScenario.TraineeAsync(_factory);
        var id = await ExamScenario.StartAsync(trainee, "report");
        await ExamScenario.AnswerAsync(_factory, id, (q, l) => q.Type == QuestionType.Essay ? new Response { Text = "作答" } : ExamKeys.DisplayedKey(q, l));
        await ExamScenario.SubmitAsync(trainee, id);

        using var scope = _factory.Services.CreateScope();
        var loaded = await scope.ServiceProvider.GetRequiredService<AttemptLoader>().ByIdAsync(id, withItems: true, CancellationToken.None);
        var report = scope.ServiceProvider.GetRequiredService<AttemptReport>().For(loaded!);
        Assert.Equal(Demo.Account(Roles.Trainee).Email, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Id == report.UserId).Select(u => u.Email).SingleAsync());
        Assert.False(report.IsFinal);
        var section = Assert.Single(report.Sections);
        Assert.Equal("试题", section.Title);
        Assert.Equal(4m, section.Earned);
        Assert.Equal(10m, section.Possible);
        Assert.Equal(1, section.AwaitingManual);
        var part = Assert.Single(report.Parts);
        Assert.Equal("part2", part.Key);
        Assert.Equal(40, part.Percent);
        Assert.Equal(2, report.Items.Count);
        var essay = report.Items.Single(i => i.QuestionId == ExamScenario.Essay);
        Assert.True(essay.NeedsManual);
        Assert.True(essay.Answered);
        Assert.Equal(6m, essay.Points);
        var single = report.Items.Single(i => i.QuestionId == ExamScenario.Single);
        Assert.True(single.Correct);
        Assert.Equal(4m, single.Score);
        Assert.Equal("p2-customer-care", single.LessonId);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<AttemptDetail>().LoadAsync("missing", CancellationToken.None));
    }
}
