using System.Net;
using System.Text.Json.Nodes;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static CertPlatform.IntegrationTests.Infrastructure.HttpClientForms;

namespace CertPlatform.IntegrationTests.Features.Security;

/// <summary>
/// Forwarded headers from trusted proxies only, Secure cookies and HSTS, 413 for over-limit requests,
/// JSON 429s. The test server has no socket, so a start-up filter sets the peer address from <c>X-Test-Peer</c>.
/// </summary>
public sealed class TransportSecurityTests
{
    private const string Proxy = "10.0.0.1";

    private static AppFactory ProxiedApp(int loginPerMinute = 1000) => new AppFactory()
        .With("ForwardedHeaders:KnownProxies:0", Proxy)
        .With("RateLimits:LoginPerMinute", loginPerMinute.ToString())
        .WithServices(s => s.AddSingleton<IStartupFilter, PeerAddressFromHeader>());

    private static HttpRequestMessage From(string peer, HttpMethod method, string url, string? forwardedFor = null, string? forwardedProto = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("X-Test-Peer", peer);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (forwardedProto is not null) request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        return request;
    }

    // Finding: no forwarded-headers handling — behind a TLS proxy every user shares one rate-limit bucket.
    [Fact]
    public async Task Only_a_trusted_proxy_can_name_the_client_address_for_the_rate_limit()
    {
        using var factory = ProxiedApp(loginPerMinute: 2);
        var client = factory.NewClient();

        // Through the trusted proxy, four different clients each have their own bucket.
        for (var i = 1; i <= 4; i++)
        {
            var r = await client.SendAsync(From(Proxy, HttpMethod.Post, "/account/login", forwardedFor: $"203.0.113.{i}"));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, r.StatusCode);
        }
        // An untrusted caller cannot escape its bucket by inventing X-Forwarded-For.
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 3; i++)
            statuses.Add((await client.SendAsync(From("198.51.100.7", HttpMethod.Post, "/account/login", forwardedFor: $"203.0.113.{50 + i}"))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[2]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(2));
    }

    // Finding: JSON clients got an empty 429 / an HTML page.
    [Fact]
    public async Task A_json_client_gets_a_json_429_and_a_browser_gets_the_error_page()
    {
        using var factory = ProxiedApp(loginPerMinute: 1);
        var client = factory.NewClient();
        await client.SendAsync(From("198.51.100.8", HttpMethod.Post, "/account/login"));

        var json = From("198.51.100.8", HttpMethod.Post, "/account/login");
        json.Headers.Add("Accept", "application/json");
        var limited = await client.SendAsync(json);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType!.MediaType);
        var body = JsonNode.Parse(await limited.Content.ReadAsStringAsync())!;
        Assert.Equal(429, (int)body["status"]!);
        Assert.Contains("请求过于频繁", (string)body["title"]!);
        Assert.NotNull(limited.Headers.RetryAfter);

        var page = await client.SendAsync(From("198.51.100.8", HttpMethod.Post, "/account/login"));
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains("请求过于频繁", await page.Content.ReadAsStringAsync());
    }

    // Finding: behind a TLS proxy there was no HSTS.
    [Fact]
    public async Task Hsts_is_sent_when_a_trusted_proxy_says_the_request_came_over_https()
    {
        using var factory = ProxiedApp();
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://certs.example.test") });
        var trusted = await client.SendAsync(From(Proxy, HttpMethod.Get, "/account/login", forwardedProto: "https"));
        Assert.True(trusted.Headers.Contains("Strict-Transport-Security"));
        Assert.Contains("max-age=31536000", trusted.Headers.GetValues("Strict-Transport-Security").Single());
        var forged = await client.SendAsync(From("198.51.100.9", HttpMethod.Get, "/account/login", forwardedProto: "https"));
        Assert.False(forged.Headers.Contains("Strict-Transport-Security"));
    }

    // Finding: antiforgery and language cookies are not Secure.
    [Fact]
    public async Task Every_cookie_is_secure_outside_development_even_on_plain_http()
    {
        using var factory = new AppFactory();
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost"), HandleCookies = false });
        var cookies = new List<string>();
        var loginPage = await client.GetAsync("/account/login");
        cookies.AddRange(loginPage.Headers.GetValues("Set-Cookie"));
        cookies.AddRange((await client.GetAsync("/language/en")).Headers.GetValues("Set-Cookie"));
        var signedIn = await factory.NewClient().LoginAsync(Demo.Account(Roles.Trainee).Email, Demo.Account(Roles.Trainee).Password);
        cookies.AddRange(signedIn.Headers.GetValues("Set-Cookie"));

        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery"));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Culture"));
        Assert.Contains(cookies, c => c.StartsWith("certplatform.auth="));
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_proxy_address_that_does_not_parse_stops_the_start_naming_the_key()
    {
        using var factory = new AppFactory().With("ForwardedHeaders:KnownProxies:0", "not-an-address");
        var e = Assert.ThrowsAny<OptionsValidationException>(() => factory.NewClient());
        Assert.Contains("ForwardedHeaders:KnownProxies:0", e.Message);
    }

    // Finding: oversized uploads answer 500.
    [Fact]
    public async Task A_form_over_the_limits_gets_a_413_page_and_a_json_client_gets_json()
    {
        using var factory = new AppFactory();
        var client = factory.NewClient();
        var token = await client.AntiforgeryTokenAsync("/account/register");
        var tooMany = Enumerable.Range(0, 1100).Select(i => F("f" + i, "x")).Prepend(F("__RequestVerificationToken", token)).ToList();

        var page = await client.PostAsync("/account/register", new FormUrlEncodedContent(tooMany));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.StatusCode);
        Assert.Contains("请求内容太大", await page.Content.ReadAsStringAsync());

        var json = new HttpRequestMessage(HttpMethod.Post, "/account/register") { Content = new FormUrlEncodedContent(tooMany) };
        json.Headers.Add("Accept", "application/json");
        var problem = await client.SendAsync(json);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, problem.StatusCode);
        Assert.Equal(413, (int)JsonNode.Parse(await problem.Content.ReadAsStringAsync())!["status"]!);
        Assert.False(await factory.ScopedAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.AuditEntries, a => a.Action.StartsWith("account.register"))));
    }

    private sealed class PeerAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue("X-Test-Peer", out var peer)) context.Connection.RemoteIpAddress = IPAddress.Parse(peer!);
                await nextMiddleware();
            });
            next(app);
        };
    }
}
