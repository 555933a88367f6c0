using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Papers;
using CertPlatform.Web.Features.Records;
using CertPlatform.Web.Infrastructure.Pdf;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CertPlatform.IntegrationTests.Infrastructure.HttpClientForms;

namespace CertPlatform.IntegrationTests.Features.Records;

/// <summary>HR records: who may see them, search and paging, valid-on-a-day, exports (formula-safe), the bulk ZIP, revocation, history, audit.</summary>
public sealed class RecordsTests : IDisposable
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private const string FormulaName = "=HYPERLINK(\"http://x\",\"y\")";
    private const string FormulaStarts = "=+-@\t\r";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));
    private readonly AppFactory _factory;

    public RecordsTests()
    {
        _factory = new AppFactory().With("RateLimits:VerifyPerMinute", "1000").WithServices(s => s.AddSingleton<TimeProvider>(_clock));
        _factory.With("Records:ExportFolder", Path.Combine(_factory.DataFolder, "exports"));
    }

    public void Dispose() => _factory.Dispose();

    private Task<HttpClient> As(string role) => _factory.SignedInClient(Demo.Account(role).Email, Demo.Account(role).Password);

    private static DateTimeOffset Day(int y, int m, int d) => RecordFilter.StartOfDay(new DateOnly(y, m, d), China);

    private sealed record Spec(string Number, string Holder, DateTimeOffset Issued, DateTimeOffset Expires, string Emp = "", string Org = "示例分公司",
        DateTimeOffset? RevokedAt = null, string Reason = "", string Title = "VIP客户服务经理");

    /// <summary>One real PDF (rendered and signed by the app's renderer), reused for every seeded certificate.</summary>
    private byte[] Pdf(string holder = "测试学员")
    {
        using var scope = _factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<CertificatePdfRenderer>().Render(new CertificateContent(
            holder, "T0001", "示例分公司", "VIP客户服务经理", "四级", "CP-2025-000000", "认证考试", 90m,
            new DateOnly(2025, 1, 1), new DateOnly(2028, 1, 1), "https://certs.example.test/verify/x", null));
    }

    /// <summary>Inserts certificates (with an attempt each, for the foreign key) for the demo trainee straight into the database.</summary>
    private async Task<Dictionary<string, Certificate>> SeedAsync(IEnumerable<Spec> specs, byte[]? pdf = null)
    {
        pdf ??= Pdf();
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var userId = await db.Users.Where(u => u.Email == Demo.Account(Roles.Trainee).Email).Select(u => u.Id).SingleAsync();
        var number = await db.Attempts.Where(a => a.UserId == userId && a.PaperId == PaperSeeder.CertificationId).Select(a => (int?)a.Number).MaxAsync() ?? 0;
        var result = new Dictionary<string, Certificate>();
        foreach (var s in specs)
        {
            var attempt = new Attempt
            {
                Id = Hex(), PaperId = PaperSeeder.CertificationId, UserId = userId, Number = ++number, Status = AttemptStatus.Finished,
                StartedAt = s.Issued.AddHours(-2), Deadline = s.Issued.AddHours(-1), FinishedAt = s.Issued.AddHours(-1), LayoutJson = "{}",
                Grading = GradingStatus.Final, Score = 90, MaxScore = 100, PassMark = 60, Passed = true, GradedAt = s.Issued,
            };
            var c = new Certificate
            {
                Id = Hex(), Number = s.Number, VerificationCode = Hex() + Hex(), AttemptId = attempt.Id, UserId = userId, HolderName = s.Holder,
                EmployeeNumber = s.Emp, Organization = s.Org, Title = s.Title, Level = "四级", PaperId = PaperSeeder.CertificationId, PaperTitle = "认证考试",
                Score = 90, PassedAt = s.Issued, IssuedAt = s.Issued, ExpiresAt = s.Expires,
                Status = s.RevokedAt is null ? CertificateStatus.Valid : CertificateStatus.Revoked, RevokedAt = s.RevokedAt,
                RevokedBy = s.RevokedAt is null ? null : "hr@demo.local", RevocationReason = s.RevokedAt is null ? null : s.Reason,
                PdfSha256 = sha, PdfLength = pdf.Length,
            };
            db.Attempts.Add(attempt);
            db.Certificates.Add(c);
            db.CertificateFiles.Add(new CertificateFile { CertificateId = c.Id, Bytes = pdf });
            result[s.Number] = c;
        }
        await db.SaveChangesAsync();
        return result;
    }

    private static string Hex() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static async Task<IHtmlDocument> Html(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    private static async Task<List<string>> Numbers(HttpClient client, string url) =>
        (await Html(client, url)).QuerySelectorAll("#records-table tbody tr[data-number]").Select(r => r.GetAttribute("data-number")!).ToList();

    [Fact]
    public async Task Only_hr_and_admins_reach_records_exports_and_revocation()
    {
        var certs = await SeedAsync([new Spec("CP-2025-000001", "甲", Day(2025, 3, 1), Day(2028, 3, 1))]);
        var id = certs["CP-2025-000001"].Id;
        string[] gets = ["/records", "/records/export.csv", "/records/export.xlsx", "/records/trainee/x", "/records/zip-jobs/x"];

        var anonymous = _factory.NewClient();
        foreach (var url in gets)
        {
            var r = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.StartsWith("/account/login", r.Headers.Location!.PathAndQuery);
        }
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.PostAsync($"/records/{id}/revoke", new FormUrlEncodedContent([F("reason", "x")]))).StatusCode);

        foreach (var role in new[] { Roles.Trainee, Roles.Examiner })
        {
            var client = await As(role);
            Assert.DoesNotContain("href=\"/records\"", await client.GetStringAsync("/"));
            foreach (var url in gets)
            {
                var r = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
                Assert.StartsWith("/account/access-denied", r.Headers.Location!.PathAndQuery);
            }
            foreach (var action in new[] { "/records/export.zip", $"/records/{id}/revoke" })
            {
                var r = await client.PostFormAsync("/", action, [F("reason", "越权")]);
                Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
                Assert.StartsWith("/account/access-denied", r.Headers.Location!.PathAndQuery);
            }
        }
        Assert.Equal(CertificateStatus.Valid, await _factory.ScopedAsync(db => db.Certificates.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
        Assert.Equal(0, await _factory.ScopedAsync(db => db.AuditEntries.CountAsync(a => a.Action.StartsWith("records."))));

        foreach (var role in new[] { Roles.HR, Roles.Admin })
        {
            var client = await As(role);
            Assert.Contains("href=\"/records\"", await client.GetStringAsync("/"));
            Assert.Equal(["CP-2025-000001"], await Numbers(client, "/records"));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/records/export.csv")).StatusCode);
        }
    }

    private async Task<Dictionary<string, Certificate>> SearchSetAsync()
    {
        var specs = new List<Spec>
        {
            new("CP-2025-000101", "欧阳明月", Day(2025, 1, 10), Day(2028, 1, 10), "E100", "深圳分公司"),
            new("CP-2023-000102", "欧阳锋", Day(2023, 2, 1), Day(2026, 2, 1), "E101", "北京分公司"),
            new("CP-2024-000103", "王五", Day(2024, 5, 1), Day(2027, 5, 1), "E102", "深圳分公司", RevokedAt: Day(2025, 6, 1).AddHours(3), Reason: "考试违纪"),
            new("CP-2023-000104", "赵六", Day(2023, 12, 20), Day(2026, 12, 20), "E103", "广州分公司"),
            new("CP-2024-000105", "钱七", Day(2024, 1, 15), Day(2027, 1, 20), "E104", "广州分公司", Title: "客户经理"),
        };
        // 55 more, issued in 2026 and valid for years: enough for two pages.
        for (var i = 0; i < 55; i++)
            specs.Add(new($"CP-2026-{i + 1:000000}", $"学员{i:00}", Day(2026, 3, 1).AddHours(i), Day(2029, 3, 1), $"B{i:000}", "批量分公司"));
        return await SeedAsync(specs);
    }

    [Fact]
    public async Task Search_filters_page_and_sort_with_the_query_in_the_url()
    {
        await SearchSetAsync();
        var hr = await As(Roles.HR);

        var all = await Html(hr, "/records");
        Assert.Contains("共 60 张证书", all.GetElementById("records-total")!.TextContent);
        var first = all.QuerySelectorAll("#records-table tbody tr[data-number]").Select(r => r.GetAttribute("data-number")).ToList();
        Assert.Equal(50, first.Count);
        Assert.Equal("CP-2026-000055", first[0]); // newest issued first by default
        var next = all.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal("/records?page=2", next);
        Assert.Equal(10, (await Numbers(hr, next)).Count);

        Assert.Equal(["CP-2023-000102", "CP-2025-000101"], await Numbers(hr, "/records?name=欧阳&sort=number"));
        Assert.Equal(["CP-2023-000102"], await Numbers(hr, "/records?emp=E101"));
        Assert.Empty(await Numbers(hr, "/records?emp=E10")); // employee number: exact
        Assert.Equal(["CP-2024-000103", "CP-2025-000101"], await Numbers(hr, "/records?org=深圳&sort=number"));
        Assert.Equal(["CP-2024-000105"], await Numbers(hr, "/records?title=客户经理"));
        Assert.Equal(["CP-2023-000102", "CP-2023-000104"], await Numbers(hr, "/records?from=2023-01-01&to=2023-12-31&sort=number"));
        Assert.Equal(["CP-2023-000104"], await Numbers(hr, "/records?from=2023-12-20&to=2023-12-20"));
        Assert.Equal(["CP-2023-000102"], await Numbers(hr, "/records?status=expired"));
        Assert.Equal(["CP-2024-000103"], await Numbers(hr, "/records?status=revoked"));
        Assert.Contains("共 58 张证书", (await Html(hr, "/records?status=valid")).GetElementById("records-total")!.TextContent);

        // Sorting: number both ways, expiry, status; the filter survives paging and sorting links.
        var byNumber = await Numbers(hr, "/records?sort=number&dir=asc");
        Assert.Equal(byNumber.Order(StringComparer.Ordinal).ToList(), byNumber);
        Assert.Equal("CP-2026-000055", (await Numbers(hr, "/records?sort=number&dir=desc"))[0]);
        Assert.Equal("CP-2023-000102", (await Numbers(hr, "/records?sort=expires"))[0]);
        Assert.Equal(["CP-2024-000103", "CP-2023-000102"], (await Numbers(hr, "/records?sort=status&dir=desc")).Take(2));
        Assert.Equal(["学员00", "学员01"], (await Html(hr, "/records?org=批量&sort=holder")).QuerySelectorAll("#records-table tbody tr td:nth-child(2)").Take(2).Select(td => td.TextContent.Trim()));
        var filtered = await Html(hr, "/records?org=批量&sort=holder&dir=desc");
        Assert.Equal("/records?org=%E6%89%B9%E9%87%8F&sort=holder&dir=desc&page=2", filtered.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("/records?org=%E6%89%B9%E9%87%8F&sort=holder&dir=asc", filtered.QuerySelector("th[aria-sort=descending] a")!.GetAttribute("href"));

        // Bad input is ignored and said so.
        var bad = await Html(hr, "/records?from=2023-13-45");
        Assert.NotNull(bad.QuerySelector("[role=alert]"));
        Assert.Contains("共 60 张证书", bad.GetElementById("records-total")!.TextContent);
    }

    [Fact]
    public async Task Valid_on_a_day_and_expiring_soon()
    {
        await SearchSetAsync();
        var hr = await As(Roles.HR);

        // On 2025-07-01: 王五 was revoked a month before, the 2026 batch not issued yet.
        Assert.Equal(["CP-2023-000102", "CP-2023-000104", "CP-2024-000105", "CP-2025-000101"], await Numbers(hr, "/records?asOf=2025-07-01&sort=number"));
        // The day before the revocation it was still valid.
        Assert.Contains("CP-2024-000103", await Numbers(hr, "/records?asOf=2025-05-31"));
        // Revoked during 2025-06-01: no longer valid at the end of that day.
        Assert.DoesNotContain("CP-2024-000103", await Numbers(hr, "/records?asOf=2025-06-01"));
        // 欧阳锋's certificate expires at the start of 2026-02-01: valid through 2026-01-31, not on 2026-02-01.
        Assert.Contains("CP-2023-000102", await Numbers(hr, "/records?asOf=2026-01-31"));
        Assert.DoesNotContain("CP-2023-000102", await Numbers(hr, "/records?asOf=2026-02-01"));
        // Issued on the day counts; the day before does not.
        Assert.Contains("CP-2025-000101", await Numbers(hr, "/records?asOf=2025-01-10"));
        Assert.DoesNotContain("CP-2025-000101", await Numbers(hr, "/records?asOf=2025-01-09"));

        // Now is 2026-11-30: 赵六 expires in 20 days, 钱七 in 51; the quick filter defaults to 90 days.
        var page = await Html(hr, "/records");
        var quick = page.GetElementById("quick-expiring")!.GetAttribute("href")!;
        Assert.Equal("/records?expiring=90", quick);
        Assert.Equal(["CP-2023-000104", "CP-2024-000105"], await Numbers(hr, quick + "&sort=expires"));
        Assert.Equal(["CP-2023-000104"], await Numbers(hr, "/records?expiring=30"));
        _clock.Advance(TimeSpan.FromDays(30));
        hr = await As(Roles.HR); // the sign-in cookie lasts 8 hours
        Assert.Equal(["CP-2024-000105"], await Numbers(hr, "/records?expiring=90"));
        Assert.Contains("CP-2023-000104", await Numbers(hr, "/records?status=expired"));
    }

    [Fact]
    public async Task Csv_and_xlsx_exports_hold_the_filtered_set_with_formulas_neutralised()
    {
        await SearchSetAsync();
        await SeedAsync([
            new Spec("CP-2025-000900", FormulaName, Day(2025, 4, 1), Day(2028, 4, 1), "-1+1", "@SUM(A1)", RevokedAt: Day(2025, 9, 1), Reason: "+cmd|' /C calc'!A0"),
        ]);
        var hr = await As(Roles.HR);
        var link = (await Html(hr, "/records?status=revoked&sort=number")).GetElementById("export-csv")!.GetAttribute("href")!;
        Assert.Equal("/records/export.csv?status=revoked&sort=number", link);

        var csvResponse = await hr.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var records = new List<string[]>();
        using (var csv = new CsvReader(new StringReader(Encoding.UTF8.GetString(bytes[3..])), new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false }))
            while (csv.Read()) records.Add(csv.Parser.Record!);
        Assert.Equal(3, records.Count); // header + 王五 + the formula holder
        Assert.Equal(["证书编号", "姓名", "工号", "单位", "证书名称", "级别", "认证项目", "试卷版本", "成绩", "通过日期", "发证日期", "有效期至", "状态", "撤销时间", "撤销原因", "SHA-256"], records[0]);
        var row = records.Single(r => r[0] == "CP-2025-000900");
        Assert.Equal("'" + FormulaName, row[1]);
        Assert.Equal("'-1+1", row[2]);
        Assert.Equal("'@SUM(A1)", row[3]);
        Assert.Equal(90m, decimal.Parse(row[8], CultureInfo.InvariantCulture));
        Assert.Equal([CertificationProgramme.SeededName, "v1"], row[6..8]);
        // Expires at the start of 2028-04-01 (China time): valid through 2028-03-31, the day printed as 有效期至.
        Assert.Equal(["2025-04-01", "2025-04-01", "2028-03-31", "已撤销", "2025-09-01 00:00"], row[9..14]);
        Assert.Equal("'+cmd|' /C calc'!A0", row[14]);
        Assert.Matches("^[0-9a-f]{64}$", row[15]);
        Assert.DoesNotContain(records.SelectMany(r => r), c => c.Length > 0 && FormulaStarts.Contains(c[0]));

        var xlsxResponse = await hr.GetAsync("/records/export.xlsx?name=HYPERLINK");
        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        using var stream = new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync());
        using var doc = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc).Select(e => e.Description));
        var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.Empty(sheet.Descendants<CellFormula>());
        Assert.Equal(2, sheet.Descendants<Row>().Count());
        var texts = sheet.Descendants<Cell>().Where(c => c.DataType?.Value == CellValues.InlineString).Select(c => c.InlineString!.Text!.Text).ToList();
        Assert.Contains("'" + FormulaName, texts);
        Assert.Contains("'@SUM(A1)", texts);
        Assert.DoesNotContain(texts, t => t.Length > 0 && FormulaStarts.Contains(t[0]));
        var score = Assert.Single(sheet.Descendants<Cell>(), c => c.DataType?.Value == CellValues.Number);
        Assert.Equal(90m, decimal.Parse(score.CellValue!.Text, CultureInfo.InvariantCulture));

        var audits = await _factory.ScopedAsync(db => db.AuditEntries.Where(a => a.Action == "records.exported").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(2, audits.Count);
        Assert.Equal("csv, 2 certificates, filter: status=revoked", audits[0].Details);
        Assert.Equal("xlsx, 1 certificates, filter: name=HYPERLINK", audits[1].Details);
        Assert.Equal(Demo.Account(Roles.HR).Email, audits[0].ActorName);
    }

    private static async Task<HttpResponseMessage> PostZipAsync(HttpClient client, string query) =>
        await client.PostFormAsync("/records" + query, "/records/export.zip" + query, []);

    private static (Dictionary<string, string> EntryHashes, List<string[]> Manifest) ReadZip(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var hashes = new Dictionary<string, string>();
        List<string[]> manifest = [];
        foreach (var entry in zip.Entries)
        {
            using var s = entry.Open();
            var ms = new MemoryStream();
            s.CopyTo(ms);
            if (entry.FullName == "manifest.csv")
            {
                using var csv = new CsvReader(new StringReader(Encoding.UTF8.GetString(ms.ToArray()).TrimStart('\uFEFF')), new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false });
                while (csv.Read()) manifest.Add(csv.Parser.Record!);
            }
            else hashes[entry.FullName] = Convert.ToHexStringLower(SHA256.HashData(ms.ToArray()));
        }
        return (hashes, manifest);
    }

    [Fact]
    public async Task A_zip_of_1000_certificates_is_built_in_the_background_and_its_manifest_matches_every_pdf()
    {
        // Two different PDFs, so a mix-up between entries would show.
        var pdfA = Pdf("甲");
        var pdfB = Pdf("乙");
        Assert.NotEqual(pdfA, pdfB);
        var specs = Enumerable.Range(1, 1000).Select(i => new Spec($"CP-2024-{i:000000}", i == 7 ? FormulaName : $"批量{i}", Day(2024, 6, 1).AddMinutes(i), Day(2027, 6, 1),
            RevokedAt: i % 100 == 0 ? Day(2025, 1, 1) : null, Reason: "测试")).ToList();
        var certs = await SeedAsync(specs.Where((_, i) => i % 2 == 0), pdfA);
        foreach (var (k, v) in await SeedAsync(specs.Where((_, i) => i % 2 == 1), pdfB)) certs[k] = v;
        await SeedAsync([new Spec("CP-2026-000001", "其他", Day(2026, 1, 1), Day(2029, 1, 1))]);

        var hr = await As(Roles.HR);
        var start = await PostZipAsync(hr, "?from=2024-01-01&to=2024-12-31");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var statusUrl = start.Headers.Location!.OriginalString;
        Assert.Matches("^/records/zip-jobs/[0-9a-f]{32}$", statusUrl);

        // The status page refreshes itself (no JavaScript) and shows n / total until the ZIP is ready.
        IHtmlDocument status;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            status = await Html(hr, statusUrl);
            var job = status.GetElementById("zip-job")!;
            Assert.Equal("1000", job.GetAttribute("data-total"));
            if (job.GetAttribute("data-state") == "ready") break;
            Assert.Contains(job.GetAttribute("data-state"), new[] { "queued", "running" });
            Assert.NotNull(status.QuerySelector("meta[http-equiv=refresh]"));
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(2), "ZIP not ready within 2 minutes");
            await Task.Delay(200);
        }
        Assert.Null(status.QuerySelector("meta[http-equiv=refresh]"));

        // Only the user who started it sees it.
        var admin = await As(Roles.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(statusUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(statusUrl + "/download")).StatusCode);

        var download = status.GetElementById("zip-download")!.GetAttribute("href")!;
        var response = await hr.GetAsync(download);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        // One-time: gone afterwards, file included.
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync(download)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync(statusUrl)).StatusCode);
        await EventuallyEmptyAsync(Path.Combine(_factory.DataFolder, "exports"));

        var (hashes, manifest) = ReadZip(bytes);
        Assert.Equal(1000, hashes.Count);
        // The manifest speaks the CSV export's language: the same localised headers and status labels.
        Assert.Equal(["证书编号", "姓名", "状态", "SHA-256", "发证日期", "有效期至"], manifest[0]);
        Assert.Equal(1001, manifest.Count);
        foreach (var m in manifest.Skip(1))
        {
            var cert = certs[m[0]];
            Assert.Equal(cert.PdfSha256, m[3]);
            Assert.Equal(m[3], hashes[m[0] + ".pdf"]);
            Assert.Equal(cert.Status == CertificateStatus.Revoked ? "已撤销" : "有效", m[2]);
            // Days of the display zone: issued on 2024-06-01 (China time), expiring at the start of 2027-06-01.
            Assert.Equal(["2024-06-01", "2027-05-31"], m[4..6]);
        }
        Assert.Equal("'" + FormulaName, manifest.Single(m => m[0] == "CP-2024-000007")[1]);
        Assert.Equal(10, manifest.Count(m => m[2] == "已撤销"));
        Assert.Contains(await _factory.ScopedAsync(db => db.AuditEntries.Where(a => a.Action == "records.zip-exported").Select(a => a.Details).ToListAsync()),
            d => d.StartsWith("1000 certificates, background job ", StringComparison.Ordinal) && d.EndsWith("filter: from=2024-01-01; to=2024-12-31", StringComparison.Ordinal));

        // A small filtered set streams straight into the response.
        var small = await PostZipAsync(hr, "?name=批量1&to=2024-12-31");
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Equal("application/zip", small.Content.Headers.ContentType!.MediaType);
        var (smallHashes, smallManifest) = ReadZip(await small.Content.ReadAsByteArrayAsync());
        var expected = specs.Where(s => s.Holder.StartsWith("批量1", StringComparison.Ordinal)).Select(s => s.Number + ".pdf").Order().ToList();
        Assert.Equal(112, expected.Count); // 批量1, 批量10–19, 批量100–199, 批量1000
        Assert.Equal(expected, smallHashes.Keys.Order().ToList());
        Assert.All(smallManifest.Skip(1), m => Assert.Equal(certs[m[0]].PdfSha256, smallHashes[m[0] + ".pdf"]));
    }

    /// <summary>The downloaded file is deleted when the server closes it, just after the last byte is sent.</summary>
    private static async Task EventuallyEmptyAsync(string folder)
    {
        for (var i = 0; i < 50 && Directory.EnumerateFiles(folder).Any(); i++) await Task.Delay(100);
        Assert.Empty(Directory.EnumerateFiles(folder));
    }

    [Fact]
    public async Task Background_zips_are_deleted_after_an_hour_and_an_empty_selection_builds_nothing()
    {
        using var factory = new AppFactory().With("Records:DirectZipLimit", "2").WithServices(s => s.AddSingleton<TimeProvider>(_clock));
        factory.With("Records:ExportFolder", Path.Combine(factory.DataFolder, "exports"));
        // Reuse this class's seeding against the other factory.
        var seeder = new RecordsTestsSeeder(factory);
        await seeder.SeedAsync(3);
        var hr = await factory.SignedInClient(Demo.Account(Roles.HR).Email, Demo.Account(Roles.HR).Password);
        var start = await PostZipAsync(hr, "");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var statusUrl = start.Headers.Location!.OriginalString;
        for (var i = 0; i < 100 && (await Html(hr, statusUrl)).GetElementById("zip-job")!.GetAttribute("data-state") != "ready"; i++) await Task.Delay(100);
        Assert.Equal("ready", (await Html(hr, statusUrl)).GetElementById("zip-job")!.GetAttribute("data-state"));
        var folder = Path.Combine(factory.DataFolder, "exports");
        Assert.Single(Directory.EnumerateFiles(folder));

        _clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync(statusUrl)).StatusCode);
        Assert.Empty(Directory.EnumerateFiles(folder));

        // An empty selection builds nothing and says so.
        var none = await PostZipAsync(hr, "?name=nobody");
        Assert.Equal(HttpStatusCode.Redirect, none.StatusCode);
        Assert.Equal("/records?name=nobody", none.Headers.Location!.OriginalString);
        Assert.Contains("没有符合条件的证书，未生成压缩包。", await hr.GetStringAsync("/records?name=nobody"));
    }

    [Fact]
    public async Task Revoking_through_the_form_shows_on_the_verify_page_and_in_the_audit_trail_with_the_history()
    {
        // A real pass: certificate.issued by the exam flow.
        var cert = await _factory.ACertificate(await (await As(Roles.Trainee)).WithApiTokenAsync());
        var userId = cert.UserId;

        var hr = await As(Roles.HR);
        var page = await Html(hr, "/records?name=" + Uri.EscapeDataString(cert.HolderName));
        var row = page.QuerySelector($"#records-table tr[data-id='{cert.Id}']")!;
        Assert.NotNull(row.QuerySelector($"a[href='/certificates/{cert.Id}/pdf']"));
        Assert.NotNull(row.QuerySelector($"a[href='/verify/{cert.VerificationCode}']"));
        Assert.NotNull(row.QuerySelector($"a[href='/records/trainee/{userId}']"));
        var form = row.QuerySelector("form")!;
        Assert.Equal($"/records/{cert.Id}/revoke", form.GetAttribute("action"));
        var returnUrl = form.QuerySelector("input[name=returnUrl]")!.GetAttribute("value")!;
        Assert.Equal("/records?name=" + Uri.EscapeDataString(cert.HolderName), returnUrl);
        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync($"/certificates/{cert.Id}/pdf")).StatusCode);

        // No reason: nothing happens, and the page says why.
        var empty = await hr.PostFormAsync(returnUrl, form.GetAttribute("action")!, [F("reason", "  "), F("returnUrl", returnUrl)]);
        Assert.Equal(HttpStatusCode.Redirect, empty.StatusCode);
        Assert.Contains("请填写撤销原因", await hr.GetStringAsync(empty.Headers.Location!.OriginalString));
        Assert.Equal(CertificateStatus.Valid, await _factory.ScopedAsync(db => db.Certificates.Where(c => c.Id == cert.Id).Select(c => c.Status).SingleAsync()));

        var revoked = await hr.PostFormAsync(returnUrl, form.GetAttribute("action")!, [F("reason", "考试违纪"), F("returnUrl", returnUrl)]);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(returnUrl, revoked.Headers.Location!.OriginalString);
        var after = await Html(hr, returnUrl);
        Assert.Contains($"证书 {cert.Number} 已撤销", after.QuerySelector(".flash")!.TextContent);
        Assert.Equal("revoked", after.QuerySelector($"tr[data-id='{cert.Id}'] .badge")!.GetAttribute("data-status"));
        Assert.Null(after.QuerySelector($"tr[data-id='{cert.Id}'] form"));
        var verify = await Html(_factory.NewClient(), $"/verify/{cert.VerificationCode}");
        Assert.Equal("revoked", verify.GetElementById("status")!.GetAttribute("data-status"));
        // Again: already revoked; an outside return address is not followed.
        var again = await hr.PostFormAsync("/records", $"/records/{cert.Id}/revoke", [F("reason", "再次"), F("returnUrl", "https://evil.example/records")]);
        Assert.Equal("/records", again.Headers.Location!.OriginalString);
        Assert.Contains("早已撤销", await hr.GetStringAsync("/records"));
        Assert.Equal(HttpStatusCode.NotFound, (await hr.PostFormAsync("/records", "/records/nope/revoke", [F("reason", "x")])).StatusCode);

        // History: profile, the attempt with its verdict, the certificate with its status.
        await SeedAsync([new Spec("CP-2023-000777", "李晓梅", Day(2023, 1, 5), Day(2026, 1, 5))]);
        var history = await Html(hr, $"/records/trainee/{userId}");
        var profile = history.GetElementById("profile")!.TextContent;
        Assert.Contains("李晓梅", profile);
        Assert.Contains("D0001", profile);
        Assert.Contains("示例分公司", profile);
        Assert.Contains("政企客户部", profile);
        var attempt = history.QuerySelector($"#history-attempts tr[data-attempt='{cert.AttemptId}']")!;
        Assert.Contains("VIP客户服务经理岗位技能四级认证考试", attempt.TextContent);
        Assert.Contains("通过", attempt.TextContent);
        Assert.Equal(2, history.QuerySelectorAll("#history-attempts tbody tr[data-attempt]").Length); // the seeded certificate's attempt too
        Assert.Equal("revoked", history.QuerySelector($"#history-certificates tr[data-number='{cert.Number}'] .badge")!.GetAttribute("data-status"));
        Assert.Equal("expired", history.QuerySelector("#history-certificates tr[data-number='CP-2023-000777'] .badge")!.GetAttribute("data-status"));
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/records/trainee/nobody")).StatusCode);

        // Exports, then the admin's audit page filtered by action shows every kind of entry.
        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync("/records/export.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostZipAsync(hr, "")).StatusCode);
        var admin = await As(Roles.Admin);
        var audit = await Html(admin, "/admin/audit?action=certificate.");
        var actions = audit.QuerySelectorAll("table tbody code").Select(c => c.TextContent).ToList();
        Assert.Contains("certificate.issued", actions);
        Assert.Contains("certificate.downloaded", actions);
        Assert.Contains("certificate.revoked", actions);
        Assert.DoesNotContain(actions, a => !a.StartsWith("certificate.", StringComparison.Ordinal));
        var records = (await Html(admin, "/admin/audit?action=records.")).QuerySelectorAll("table tbody code").Select(c => c.TextContent).ToList();
        Assert.Equal(["records.zip-exported", "records.exported"], records);
        var revokedOnly = await Html(admin, "/admin/audit?action=certificate.revoked");
        var entry = Assert.Single(revokedOnly.QuerySelectorAll("table tbody tr"));
        Assert.Contains("考试违纪", entry.TextContent);
        Assert.Contains(cert.Number, entry.TextContent);
    }
}

/// <summary>Seeds plain certificates into another factory (for tests that need their own configuration).</summary>
internal sealed class RecordsTestsSeeder(AppFactory factory)
{
    public async Task SeedAsync(int count)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pdf = scope.ServiceProvider.GetRequiredService<CertificatePdfRenderer>().Render(new CertificateContent(
            "测试学员", "T0001", "示例分公司", "VIP客户服务经理", "四级", "CP-2025-000000", "认证考试", 90m,
            new DateOnly(2025, 1, 1), new DateOnly(2028, 1, 1), "https://certs.example.test/verify/x", null));
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var userId = await db.Users.Where(u => u.Email == Demo.Account(Roles.Trainee).Email).Select(u => u.Id).SingleAsync();
        var issued = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 1; i <= count; i++)
        {
            var attemptId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            db.Attempts.Add(new Attempt
            {
                Id = attemptId, PaperId = PaperSeeder.CertificationId, UserId = userId, Number = i, Status = AttemptStatus.Finished, StartedAt = issued,
                Deadline = issued, FinishedAt = issued, LayoutJson = "{}", Grading = GradingStatus.Final, Score = 90, MaxScore = 100, PassMark = 60, Passed = true,
            });
            var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            db.Certificates.Add(new Certificate
            {
                Id = id, Number = $"CP-2025-{i:000000}", VerificationCode = id + id, AttemptId = attemptId, UserId = userId, HolderName = $"学员{i}",
                Title = "VIP客户服务经理", Level = "四级", PaperId = PaperSeeder.CertificationId, PaperTitle = "认证考试", Score = 90, PassedAt = issued,
                IssuedAt = issued, ExpiresAt = issued.AddYears(3), Status = CertificateStatus.Valid, PdfSha256 = sha, PdfLength = pdf.Length,
            });
            db.CertificateFiles.Add(new CertificateFile { CertificateId = id, Bytes = pdf });
        }
        await db.SaveChangesAsync();
    }
}
