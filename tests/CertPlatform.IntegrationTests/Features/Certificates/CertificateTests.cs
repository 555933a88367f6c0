using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Certificates;
using CertPlatform.Web.Features.Papers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CertPlatform.IntegrationTests.Features.Certificates;

/// <summary>Certificates from a passed certification exam: issue once, same bytes forever, public verification, revocation, expiry, renewal.</summary>
public sealed class CertificateTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));
    private readonly AppFactory _factory;

    public CertificateTests()
    {
        _factory = new AppFactory().With("RateLimits:VerifyPerMinute", "1000").WithServices(s => s.AddSingleton<TimeProvider>(_clock));
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>Signs in again: a jump of months on the fake clock outlives the login cookie.</summary>
    private async Task<HttpClient> SignInAgainAsync(string email) =>
        await (await _factory.SignedInClient(email, AppFactory.TraineePassword)).WithApiTokenAsync();

    private Task<HttpClient> NewTraineeAsync(string email, string name) =>
        _factory.NewTraineeClientAsync(email, u => { u.FullName = name; u.EmployeeNumber = "E" + Math.Abs(email.GetHashCode() % 100000); u.Organization = "广州分公司"; });

    private Task<Certificate> PassAsync(HttpClient client) => _factory.ACertificate(client);

    [Fact]
    public async Task Passing_issues_one_certificate_whose_pdf_never_changes_and_whose_verify_page_says_valid()
    {
        var trainee = await NewTraineeAsync("cert1@demo.local", "欧阳明月");
        var cert = await PassAsync(trainee);
        Assert.Matches(@"^CP-2026-\d{6}$", cert.Number);
        Assert.True(cert.VerificationCode.Length >= 22, "at least 128 bits, base64url");
        Assert.Matches("^[A-Za-z0-9_-]+$", cert.VerificationCode);
        Assert.Equal(new DateTimeOffset(2029, 11, 29, 16, 0, 0, TimeSpan.Zero), cert.ExpiresAt); // 3 years, midnight China time

        var first = await trainee.GetByteArrayAsync($"/certificates/{cert.Id}/pdf");
        Assert.Equal(cert.PdfSha256, Convert.ToHexStringLower(SHA256.HashData(first)));
        _clock.Advance(TimeSpan.FromDays(120));
        trainee = await SignInAgainAsync("cert1@demo.local");
        var later = await trainee.GetByteArrayAsync($"/certificates/{cert.Id}/pdf");
        Assert.Equal(first, later);
        Assert.Equal(2, await _factory.ScopedAsync(db => db.AuditEntries.CountAsync(a => a.Action == "certificate.downloaded")));
        Assert.Contains(cert.Number, await trainee.GetStringAsync("/certificates"));

        var anonymous = _factory.NewClient();
        var page = await anonymous.GetStringAsync($"/verify/{cert.VerificationCode}");
        var doc = await new HtmlParser().ParseDocumentAsync(page);
        Assert.Equal("valid", doc.GetElementById("status")!.GetAttribute("data-status"));
        Assert.Equal("欧**月", doc.GetElementById("holder")!.TextContent); // masked by default
        Assert.Equal(cert.PdfSha256, doc.GetElementById("sha256")!.TextContent);

        var json = new HttpRequestMessage(HttpMethod.Get, $"/verify/{cert.VerificationCode}");
        json.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var body = JsonNode.Parse(await (await anonymous.SendAsync(json)).Content.ReadAsStringAsync())!;
        Assert.Equal("valid", (string)body["status"]!);
        Assert.Equal(cert.Number, (string)body["number"]!);

        // The upload check: the issued bytes match; one changed byte does not.
        Assert.Contains("一致：", await Upload(anonymous, cert.VerificationCode, first));
        var tampered = (byte[])first.Clone();
        tampered[tampered.Length / 2] ^= 0x01;
        var verdict = await Upload(anonymous, cert.VerificationCode, tampered);
        Assert.Contains("不一致", verdict);
    }

    private static async Task<string> Upload(HttpClient client, string code, byte[] bytes)
    {
        var response = await Infrastructure.Upload.File(client, $"/verify/{code}", $"/verify/{code}/check", "证书.pdf", bytes, "application/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync())).GetElementById("upload-result")!.TextContent;
    }

    [Fact]
    public async Task Unknown_codes_reveal_nothing_and_revocation_and_expiry_show_on_the_verify_page()
    {
        var anonymous = _factory.NewClient();
        var unknown = await anonymous.GetAsync("/verify/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var short404 = await anonymous.GetAsync("/verify/x");
        Assert.Equal(HttpStatusCode.NotFound, short404.StatusCode);
        var a = await unknown.Content.ReadAsStringAsync();
        Assert.Contains("未找到该证书", a);
        Assert.DoesNotContain("CP-", a);

        var trainee = await NewTraineeAsync("cert2@demo.local", "李四");
        var cert = await PassAsync(trainee);
        using (var scope = _factory.Services.CreateScope())
        {
            var revoke = scope.ServiceProvider.GetRequiredService<RevokeCertificate>();
            var hr = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new(System.Security.Claims.ClaimTypes.Name, "hr@demo.local")], "test"));
            Assert.Equal(RevokeCertificateOutcome.ReasonMissing, await revoke.RunAsync(cert.Id, " ", hr, CancellationToken.None));
            Assert.Equal(RevokeCertificateOutcome.Revoked, await revoke.RunAsync(cert.Id, "考试违纪", hr, CancellationToken.None));
        }
        var doc = await new HtmlParser().ParseDocumentAsync(await anonymous.GetStringAsync($"/verify/{cert.VerificationCode}"));
        Assert.Equal("revoked", doc.GetElementById("status")!.GetAttribute("data-status"));
        Assert.Contains("2026-11-30", doc.GetElementById("verify-status")!.TextContent);
        // The revoked certificate's PDF stays downloadable for its owner.
        Assert.Equal(HttpStatusCode.OK, (await trainee.GetAsync($"/certificates/{cert.Id}/pdf")).StatusCode);

        var other = await NewTraineeAsync("cert3@demo.local", "王五");
        var valid = await PassAsync(other);
        _clock.Advance(TimeSpan.FromDays(365 * 3 + 2));
        var expired = await new HtmlParser().ParseDocumentAsync(await anonymous.GetStringAsync($"/verify/{valid.VerificationCode}"));
        Assert.Equal("expired", expired.GetElementById("status")!.GetAttribute("data-status"));
    }

    [Fact]
    public async Task Only_the_owner_hr_and_admins_download_a_certificate()
    {
        var owner = await NewTraineeAsync("cert4@demo.local", "赵六");
        var cert = await PassAsync(owner);
        var other = await NewTraineeAsync("cert5@demo.local", "钱七");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/certificates/{cert.Id}/pdf")).StatusCode);
        var examiner = await _factory.SignedInClient(Demo.Account(Roles.Examiner).Email, Demo.Account(Roles.Examiner).Password);
        Assert.Equal(HttpStatusCode.NotFound, (await examiner.GetAsync($"/certificates/{cert.Id}/pdf")).StatusCode);
        foreach (var role in new[] { Roles.HR, Roles.Admin })
        {
            var client = await _factory.SignedInClient(Demo.Account(role).Email, Demo.Account(role).Password);
            var r = await client.GetAsync($"/certificates/{cert.Id}/pdf");
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal("application/pdf", r.Content.Headers.ContentType!.MediaType);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await _factory.NewClient().GetAsync($"/certificates/{cert.Id}/pdf")).StatusCode);
    }

    [Fact]
    public async Task Passing_again_near_expiry_issues_a_renewal_that_names_the_previous_certificate()
    {
        var trainee = await NewTraineeAsync("cert6@demo.local", "孙八");
        var first = await PassAsync(trainee);
        _clock.Advance(TimeSpan.FromDays(365 * 3 - 30));
        trainee = await SignInAgainAsync("cert6@demo.local");
        var second = await PassAsync(trainee);
        Assert.Equal(first.Id, second.PreviousCertificateId);
        Assert.NotEqual(first.Number, second.Number);
        Assert.Contains(first.Number, await trainee.GetStringAsync("/certificates"));
    }

    [Fact]
    public async Task The_verify_page_is_rate_limited()
    {
        using var limited = new AppFactory().With("RateLimits:VerifyPerMinute", "3");
        var client = limited.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) statuses.Add((await client.GetAsync("/verify/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).StatusCode);
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
