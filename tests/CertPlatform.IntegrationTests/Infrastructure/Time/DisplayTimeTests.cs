using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Papers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CertPlatform.IntegrationTests.Infrastructure.Time;

/// <summary>
/// One display zone (Display:TimeZone, default Asia/Shanghai) for every time people see, whatever the server's zone
/// (scripts/test.sh runs the tests with TZ=UTC): exam pages, results, exports, certificates and their verify page.
/// </summary>
public sealed class DisplayTimeTests : IDisposable
{
    // 15:30 UTC is 23:30 in Shanghai; the paper closes at 16:30 UTC = 00:30 the next day there.
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 15, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Closes = new(2026, 11, 30, 16, 30, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly AppFactory _factory;

    public DisplayTimeTests()
    {
        _factory = new AppFactory().With("RateLimits:VerifyPerMinute", "1000").WithServices(s => s.AddSingleton<TimeProvider>(_clock));
    }

    public void Dispose() => _factory.Dispose();

    private async Task<(HttpClient Trainee, string AttemptId)> PassBeforeTheDeadlineAsync(string email)
    {
        await _factory.ScopedAsync(db => db.Papers.Where(p => p.Id == PaperSeeder.CertificationId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ClosesAt, Closes)));
        var trainee = await _factory.NewTraineeClientAsync(email, u => { u.FullName = "李晓梅"; u.EmployeeNumber = "TZ001"; });
        var start = await trainee.StartAsync(PaperSeeder.CertificationId);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var attemptId = (string)(await start.JsonAsync())["attemptId"]!;
        Assert.Equal(Closes, (await _factory.ScopedAsync(db => db.Attempts.SingleAsync(a => a.Id == attemptId))).Deadline);
        return (trainee, attemptId);
    }

    [Fact]
    public async Task A_deadline_at_1630_utc_shows_as_0030_the_next_day_on_exam_pages_results_and_exports()
    {
        var (trainee, attemptId) = await PassBeforeTheDeadlineAsync("tz1@demo.local");

        Assert.Contains("截止：2026-12-01 00:30", await trainee.GetStringAsync("/exams"));
        var sit = await new HtmlParser().ParseDocumentAsync(await trainee.GetStringAsync($"/exams/attempt/{attemptId}"));
        Assert.Equal("2026-12-01 00:30", sit.QuerySelector("p.deadline time")!.TextContent.Trim());

        await _factory.AnswerEverythingRightAsync(attemptId);
        _clock.Advance(TimeSpan.FromMinutes(59)); // 16:29 UTC = 00:29 in Shanghai
        Assert.True((bool)(await (await trainee.SubmitAsync(attemptId)).JsonAsync())["passed"]!);
        Assert.Contains("2026-12-01 00:29:00", await trainee.GetStringAsync($"/exams/attempt/{attemptId}/result"));

        var examiner = await _factory.AUser(Roles.Examiner);
        var results = await examiner.GetStringAsync($"/results/{PaperSeeder.CertificationId}");
        Assert.Contains("2026-11-30 23:30", results);
        Assert.Contains("2026-12-01 00:29", results);
        Assert.Contains("2026-12-01 00:29:00", await examiner.GetStringAsync($"/results/attempt/{attemptId}"));
        var csv = await examiner.GetStringAsync($"/results/{PaperSeeder.CertificationId}/export?format=csv");
        var row = csv.Split('\n').Single(l => l.Contains("TZ001"));
        Assert.Contains("2026-11-30 23:30", row);
        Assert.Contains("2026-12-01 00:29", row);

        // HR's export: passed and issued on 2026-12-01 in China (2026-11-30 in UTC), valid through 2029-11-30.
        var hr = await _factory.AUser(Roles.HR);
        var records = await hr.GetStringAsync("/records/export.csv?emp=TZ001");
        var cells = records.Split('\n').Single(l => l.Contains("TZ001")).Split(',').Select(c => c.Trim('"')).ToArray();
        // Columns: number, name, employee number, organisation, title, level, programme, paper version, score, then the dates.
        Assert.Equal(["2026-12-01", "2026-12-01", "2029-11-30"], cells[9..12]);
        Assert.Contains("2026-12-01", await hr.GetStringAsync("/records?emp=TZ001"));

        var mine = await trainee.GetStringAsync("/certificates");
        Assert.Contains("发证日期 2026-12-01", mine);
        Assert.Contains("有效期至 2029-11-30", mine);
    }

    [Fact]
    public async Task The_printed_dates_are_the_verify_pages_and_the_certificate_is_valid_through_the_printed_last_day()
    {
        var (trainee, attemptId) = await PassBeforeTheDeadlineAsync("tz2@demo.local");
        await _factory.AnswerEverythingRightAsync(attemptId);
        _clock.Advance(TimeSpan.FromMinutes(45));
        var certificateId = (string)(await (await trainee.SubmitAsync(attemptId)).JsonAsync())["certificateId"]!;
        var cert = await _factory.ScopedAsync(db => db.Certificates.SingleAsync(c => c.Id == certificateId));

        var text = PdfText(await trainee.GetByteArrayAsync($"/certificates/{certificateId}/pdf"));
        var issued = PrintedDate(text, "发证日期");
        var until = PrintedDate(text, "有效期至");
        Assert.Equal(new DateOnly(2026, 12, 1), issued);
        Assert.Equal(new DateOnly(2029, 11, 30), until);

        var anonymous = _factory.NewClient();
        async Task<(string Status, string Issued, string Until)> VerifyAsync()
        {
            var doc = await new HtmlParser().ParseDocumentAsync(await anonymous.GetStringAsync($"/verify/{cert.VerificationCode}"));
            return (doc.GetElementById("status")!.GetAttribute("data-status")!, doc.GetElementById("issued-on")!.TextContent, doc.GetElementById("valid-until")!.TextContent);
        }
        Assert.Equal(("valid", "2026-12-01", "2029-11-30"), await VerifyAsync());

        // The last second of the printed 有效期至 day in China: still valid.
        var endOfPrintedDay = new DateTimeOffset(until.AddDays(1).ToDateTime(TimeOnly.MinValue), China.GetUtcOffset(until.ToDateTime(TimeOnly.MinValue))).AddSeconds(-1);
        Assert.Equal(new DateTimeOffset(2029, 11, 30, 15, 59, 59, TimeSpan.Zero), endOfPrintedDay.ToUniversalTime());
        _clock.SetUtcNow(endOfPrintedDay);
        Assert.Equal("valid", (await VerifyAsync()).Status);
        var json = new HttpRequestMessage(HttpMethod.Get, $"/verify/{cert.VerificationCode}");
        json.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var body = JsonNode.Parse(await (await anonymous.SendAsync(json)).Content.ReadAsStringAsync())!;
        Assert.Equal("valid", (string)body["status"]!);
        Assert.Equal("2029-11-30", (string)body["validUntil"]!);
        Assert.Equal("2026-12-01", (string)body["issuedOn"]!);

        // The next day: expired.
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("expired", (await VerifyAsync()).Status);
    }

    private static DateOnly PrintedDate(string text, string label)
    {
        var m = Regex.Match(text, label + @"[:：](\d{4})年(\d{1,2})月(\d{1,2})日");
        Assert.True(m.Success, $"'{label}' not found in the PDF text: {text}");
        return new DateOnly(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
            int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture));
    }

    private static string PdfText(byte[] pdf) => PdfTextReader.Read(pdf);
}
