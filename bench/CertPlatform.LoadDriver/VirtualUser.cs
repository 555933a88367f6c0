using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CertPlatform.Web.Features.Exams.Contract;

namespace CertPlatform.LoadDriver;

/// <summary>
/// One HTTP exchange as the driver saw it. <see cref="Status"/> is 0 when no response arrived (see <see cref="Error"/>).
/// <see cref="SawDriverGc"/>: the driver itself collected garbage while the request was out — every managed thread of the
/// driver stops for the pause, so the recorded time may include it (a browser on its own machine would not have it).
/// </summary>
public readonly record struct HttpResult(int Status, string Body, double Milliseconds, string? Error, bool SawDriverGc = false)
{
    /// <summary>What the error tables count: the status code, or the kind of transport failure.</summary>
    public string Outcome => Error ?? Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record SavedCookie(string Name, string Value, string Path, string Domain);

/// <summary>
/// A trainee with a browser of their own: own cookie container (auth + antiforgery cookies) and own
/// connection pool, the antiforgery request token in a header, and the attempt they are sitting.
/// </summary>
public sealed partial class VirtualUser : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    private readonly HttpClient _http;
    private readonly CookieContainer _cookies = new();

    public VirtualUser(int index, string email, string password, Uri baseUrl)
    {
        Index = index;
        Email = email;
        Password = password;
        _http = new HttpClient(new SocketsHttpHandler
        {
            CookieContainer = _cookies,
            UseCookies = true,
            AllowAutoRedirect = false,
            // A browser keeps its connection to the exam site open between autosaves.
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(30),
        })
        {
            BaseAddress = baseUrl,
            // Long enough that a slow server shows up as latency in the results rather than as an error.
            Timeout = TimeSpan.FromSeconds(120),
        };
    }

    public int Index { get; }
    public string Email { get; }
    public string Password { get; }
    public AttemptState? Attempt { get; set; }
    /// <summary>The first submit's body, compared with a second submit's (submit is idempotent).</summary>
    public string? SubmitBody { get; set; }

    /// <summary>The browser's cookies, to save between driver runs (a signed-in browser stays signed in).</summary>
    public IReadOnlyList<SavedCookie> ExportCookies() =>
        _cookies.GetAllCookies().Select(c => new SavedCookie(c.Name, c.Value, c.Path, c.Domain)).ToList();

    /// <summary>Restores saved cookies; true if the server still accepts the session (the API token is then fetched again).</summary>
    public async Task<bool> ResumeAsync(IReadOnlyList<SavedCookie> cookies, CancellationToken ct)
    {
        foreach (var c in cookies) _cookies.Add(new Cookie(c.Name, c.Value, c.Path, c.Domain));
        return await FetchApiTokenAsync(ct);
    }

    /// <summary>
    /// Signs in through the login form (the accounts are created in bulk beforehand: bench/exam-load.sh,
    /// <c>CertPlatform.Bench accounts</c>). Then fetches the API antiforgery token.
    /// </summary>
    public async Task SignInAsync(CancellationToken ct)
    {
        if (!await LoginAsync(ct))
            throw new InvalidOperationException($"{Email}: login refused — create the accounts first: dotnet bench/CertPlatform.Bench/bin/Release/net10.0/CertPlatform.Bench.dll accounts \"Data Source=FILE\" COUNT (see bench/exam-load.sh)");
        if (!await FetchApiTokenAsync(ct)) throw new InvalidOperationException($"{Email}: GET /api/antiforgery refused right after signing in");
    }

    private async Task<bool> FetchApiTokenAsync(CancellationToken ct)
    {
        var antiforgery = await SendAsync(HttpMethod.Get, "/api/antiforgery", null, ct);
        if (antiforgery.Status != 200) return false;
        var json = JsonNode.Parse(antiforgery.Body)!.AsObject();
        var header = (string)json["headerName"]!;
        _http.DefaultRequestHeaders.Remove(header);
        _http.DefaultRequestHeaders.Add(header, (string)json["token"]!);
        return true;
    }

    private async Task<bool> LoginAsync(CancellationToken ct)
    {
        var token = await FormTokenAsync("/account/login", ct);
        using var response = await _http.PostAsync("/account/login", new FormUrlEncodedContent(
        [
            new("Email", Email), new("Password", Password), new("__RequestVerificationToken", token),
        ]), ct);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
            throw new InvalidOperationException("login rate limit hit: start the server with RateLimits:LoginPerMinute raised (all virtual users come from 127.0.0.1)");
        if (response.StatusCode != HttpStatusCode.Redirect) return false;
        if (response.Headers.Location?.OriginalString.Contains("change-password", StringComparison.Ordinal) == true)
            throw new InvalidOperationException($"{Email} must change its password first; use accounts that do not (see bench/RESULTS.md)");
        return true;
    }

    private async Task<string> FormTokenAsync(string page, CancellationToken ct)
    {
        var html = await _http.GetStringAsync(page, ct);
        var m = FormToken().Match(html);
        if (!m.Success)
            throw new InvalidOperationException($"no antiforgery token on {page}");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    public Task<HttpResult> StartAsync(string paperId, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"/api/papers/{Uri.EscapeDataString(paperId)}/attempts", JsonSerializer.Serialize(new StartAttemptRequest(null), Json), ct);

    /// <summary>An autosave as the exam page sends it: the response, its seq and the stored seq it is based on (docs/api.md).</summary>
    public Task<HttpResult> SaveAsync(string attemptId, int questionRef, long seq, long baseSeq, JsonObject response, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, $"/api/attempts/{attemptId}/answers/{questionRef}",
            // The body of SaveAnswerRequest written directly: the driver's CPU per save is taken from the server's cores.
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{{\"response\":{response.ToJsonString()},\"seq\":{seq},\"baseSeq\":{baseSeq}}}"), ct);

    public Task<HttpResult> StateAsync(string attemptId, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, $"/api/attempts/{attemptId}", null, ct);

    public Task<HttpResult> SubmitAsync(string attemptId, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"/api/attempts/{attemptId}/submit", null, ct);

    /// <summary>Times one request from handing it to the client to having read the whole body.</summary>
    public async Task<HttpResult> SendAsync(HttpMethod method, string path, string? json, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        var gcs = GC.CollectionCount(0); // counts every collection (a gen-1 or gen-2 one collects gen 0 too)
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            return new HttpResult((int)response.StatusCode, body, Stopwatch.GetElapsedTime(started).TotalMilliseconds, null, GC.CollectionCount(0) != gcs);
        }
        catch (HttpRequestException e)
        {
            return new HttpResult(0, "", Stopwatch.GetElapsedTime(started).TotalMilliseconds, "transport:" + e.HttpRequestError, GC.CollectionCount(0) != gcs);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new HttpResult(0, "", Stopwatch.GetElapsedTime(started).TotalMilliseconds, "timeout", GC.CollectionCount(0) != gcs);
        }
    }

    public void Dispose() => _http.Dispose();
}
