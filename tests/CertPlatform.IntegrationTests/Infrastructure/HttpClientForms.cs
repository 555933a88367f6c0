using System.Net;
using System.Text.RegularExpressions;

namespace CertPlatform.IntegrationTests.Infrastructure;

/// <summary>Forms posted the way a browser posts them: the antiforgery token read from the page, sign-in.</summary>
public static partial class HttpClientForms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string pageUrl)
    {
        var html = await client.GetStringAsync(pageUrl);
        var m = TokenPattern().Match(html);
        if (!m.Success) throw new InvalidOperationException($"no antiforgery token on {pageUrl}");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    /// <summary>Posts a form the way a browser does: token taken from <paramref name="pageUrl"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await client.AntiforgeryTokenAsync(pageUrl);
        var all = fields.Append(new("__RequestVerificationToken", token));
        return await client.PostAsync(action, new FormUrlEncodedContent(all));
    }

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string email, string password) =>
        client.PostFormAsync("/account/login", "/account/login", [new("Email", email), new("Password", password)]);

    public static KeyValuePair<string, string> F(string k, string v) => new(k, v);
}
