using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json.Nodes;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Features.Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CertPlatform.IntegrationTests.Features.Certificates;

/// <summary>Issue 15: the verify page says valid, expired or revoked — as HTML and as JSON — with the clock faked for expiry.</summary>
public sealed class VerifyStatusTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));
    private readonly AppFactory _factory;

    public VerifyStatusTests() =>
        _factory = new AppFactory().With("RateLimits:VerifyPerMinute", "1000").WithServices(s => s.AddSingleton<TimeProvider>(_clock));

    public void Dispose() => _factory.Dispose();

    private Task<(string Id, string Code)> IssueAsync(string email) => CertificateScenario.IssueAsync(_factory, email);

    private async Task<(string Html, string Json)> StatusAsync(string code)
    {
        var client = _factory.NewClient();
        var html = await client.GetStringAsync($"/verify/{code}");
        var request = new HttpRequestMessage(HttpMethod.Get, $"/verify/{code}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var start = html.IndexOf("data-status=\"", StringComparison.Ordinal) + "data-status=\"".Length;
        return (html[start..html.IndexOf('"', start)], json["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Valid_then_expired_after_the_last_valid_day_and_revoked_at_once()
    {
        var (_, kept) = await IssueAsync("state1@demo.local");
        var (revokedId, revoked) = await IssueAsync("state2@demo.local");
        Assert.Equal(("valid", "valid"), await StatusAsync(kept));
        Assert.Contains("有效", await _factory.NewClient().GetStringAsync($"/verify/{kept}"));

        using (var scope = _factory.Services.CreateScope())
        {
            var hr = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "hr-test"), new Claim(ClaimTypes.Name, "hr")], "test"));
            Assert.Equal(RevokeCertificateOutcome.Revoked,
                await scope.ServiceProvider.GetRequiredService<RevokeCertificate>().RunAsync(revokedId, "测试撤销", hr, CancellationToken.None));
        }
        Assert.Equal(("revoked", "revoked"), await StatusAsync(revoked));
        Assert.Contains("已撤销", await _factory.NewClient().GetStringAsync($"/verify/{revoked}"));

        // Expiry: still valid one minute before the stored expiry instant, expired from it on; revoked stays revoked.
        var expires = await _factory.ScopedAsync(db => db.Certificates.Where(c => c.VerificationCode == kept).Select(c => c.ExpiresAt).SingleAsync());
        _clock.SetUtcNow(expires - TimeSpan.FromMinutes(1));
        Assert.Equal(("valid", "valid"), await StatusAsync(kept));
        _clock.SetUtcNow(expires);
        Assert.Equal(("expired", "expired"), await StatusAsync(kept));
        Assert.Contains("已过期", await _factory.NewClient().GetStringAsync($"/verify/{kept}"));
        Assert.Equal(("revoked", "revoked"), await StatusAsync(revoked));
    }
}
