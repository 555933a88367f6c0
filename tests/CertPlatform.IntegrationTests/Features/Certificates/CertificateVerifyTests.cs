using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Features.Papers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertPlatform.IntegrationTests.Features.Certificates;

/// <summary>The public verify page masks the holder's name and confirms only a full name the visitor types; start-up refuses bad certificate settings.</summary>
public sealed class CertificateVerifyTests
{
    private static async Task<string> IssueAsync(AppFactory factory, string email, string name)
    {
        var trainee = await factory.NewTraineeClientAsync(email, u => u.FullName = name);
        return (await factory.ACertificate(trainee)).VerificationCode;
    }

    private static async Task<HttpResponseMessage> AskAsync(HttpClient client, string code, string name, bool json = false)
    {
        var token = await client.AntiforgeryTokenAsync($"/verify/{code}");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/verify/{code}/name")
        {
            Content = new FormUrlEncodedContent([new("name", name), new("__RequestVerificationToken", token)]),
        };
        if (json) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task The_holder_is_masked_and_only_a_typed_full_name_is_confirmed()
    {
        using var factory = new AppFactory().With("RateLimits:VerifyPerMinute", "1000");
        var code = await IssueAsync(factory, "mask1@demo.local", "李晓梅");
        var visitor = factory.NewClient();

        var page = await visitor.GetStringAsync($"/verify/{code}");
        var doc = await new HtmlParser().ParseDocumentAsync(page);
        Assert.Equal("李*梅", doc.GetElementById("holder")!.TextContent);
        Assert.DoesNotContain("李晓梅", page);
        var json = new HttpRequestMessage(HttpMethod.Get, $"/verify/{code}");
        json.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        Assert.Equal("李*梅", (string)JsonNode.Parse(await (await visitor.SendAsync(json)).Content.ReadAsStringAsync())!["holder"]!);

        var yes = await AskAsync(visitor, code, " 李 晓梅 ");
        Assert.Equal(HttpStatusCode.OK, yes.StatusCode);
        var yesDoc = await new HtmlParser().ParseDocumentAsync(await yes.Content.ReadAsStringAsync());
        Assert.Equal("yes", yesDoc.GetElementById("name-result")!.GetAttribute("data-matches"));
        Assert.Equal("李*梅", yesDoc.GetElementById("holder")!.TextContent);

        var no = await new HtmlParser().ParseDocumentAsync(await (await AskAsync(visitor, code, "李小梅")).Content.ReadAsStringAsync());
        Assert.Equal("no", no.GetElementById("name-result")!.GetAttribute("data-matches"));
        Assert.DoesNotContain("李晓梅", no.Body!.InnerHtml);

        Assert.True((bool)JsonNode.Parse(await (await AskAsync(visitor, code, "李晓梅", json: true)).Content.ReadAsStringAsync())!["matches"]!);
        Assert.False((bool)JsonNode.Parse(await (await AskAsync(visitor, code, "王晓梅", json: true)).Content.ReadAsStringAsync())!["matches"]!);

        var empty = await AskAsync(visitor, code, "  ");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("请输入要核对的持证人全名", await empty.Content.ReadAsStringAsync());
        var token = await visitor.AntiforgeryTokenAsync($"/verify/{code}");
        var missing = await visitor.PostAsync("/verify/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/name",
            new FormUrlEncodedContent([new("name", "李晓梅"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Name_checks_are_rate_limited_like_the_rest_of_verify()
    {
        using var factory = new AppFactory().With("RateLimits:VerifyPerMinute", "3");
        var code = await IssueAsync(factory, "mask2@demo.local", "王建国");
        var visitor = factory.NewClient();
        var token = await visitor.AntiforgeryTokenAsync($"/verify/{code}"); // 1
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            statuses.Add((await visitor.PostAsync($"/verify/{code}/name",
                new FormUrlEncodedContent([new("name", "王建" + i), new("__RequestVerificationToken", token)]))).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData("Certificates:PublicBaseUrl", "", "Certificates:PublicBaseUrl must be set outside Development")]
    [InlineData("Certificates:PublicBaseUrl", "http://localhost:5080", "Certificates:PublicBaseUrl is 'http://localhost:5080', a local address")]
    [InlineData("Certificates:PublicBaseUrl", "https://127.0.0.1", "Certificates:PublicBaseUrl is 'https://127.0.0.1', a local address")]
    [InlineData("Certificates:PublicBaseUrl", "certs.example.com", "Certificates:PublicBaseUrl must be an absolute http(s) URL")]
    [InlineData("Display:TimeZone", "Mars/Olympus_Mons", "Display:TimeZone must be a known time zone id")]
    [InlineData("Certificates:TimeZone", "Europe/Berlin", "Certificates:TimeZone ('Europe/Berlin') differs from Display:TimeZone")]
    public void Start_up_fails_naming_the_key_outside_development(string key, string value, string message)
    {
        using var factory = new AppFactory().With(key, value);
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains(message, error.ToString());
    }

    [Fact]
    public async Task The_same_zone_under_the_old_certificates_key_still_starts()
    {
        using var factory = new AppFactory().With("Certificates:TimeZone", "Asia/Shanghai");
        Assert.Equal(HttpStatusCode.OK, (await factory.NewClient().GetAsync("/healthz")).StatusCode);
    }
}
