using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CertPlatform.Web.Features.Exams.Contract;

namespace CertPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// Calls the exam API the way the exam page does: JSON plus the antiforgery header from GET /api/antiforgery,
/// with the request and response records the controllers use (Features/Exams/Contract).
/// </summary>
public static class ExamClient
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<HttpClient> WithApiTokenAsync(this HttpClient client)
    {
        var token = (await client.GetFromJsonAsync<AntiforgeryToken>("/api/antiforgery", Json))!;
        client.DefaultRequestHeaders.Remove(token.HeaderName);
        client.DefaultRequestHeaders.Add(token.HeaderName, token.Token);
        return client;
    }

    public static Task<HttpResponseMessage> StartAsync(this HttpClient client, string paperId, string? password = null) =>
        client.PostAsJsonAsync($"/api/papers/{paperId}/attempts", new StartAttemptRequest(password), Json);

    public static Task<HttpResponseMessage> SaveAsync(this HttpClient client, string attemptId, int questionRef, object response, long seq, long? baseSeq = null) =>
        client.PutAsJsonAsync($"/api/attempts/{attemptId}/answers/{questionRef}",
            new SaveAnswerRequest(JsonSerializer.SerializeToElement(response, Json), seq, baseSeq), Json);

    public static Task<HttpResponseMessage> FlagAsync(this HttpClient client, string attemptId, int questionRef, bool flagged) =>
        client.PutAsJsonAsync($"/api/attempts/{attemptId}/flags/{questionRef}", new FlagRequest(flagged), Json);

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string attemptId) =>
        client.PostAsync($"/api/attempts/{attemptId}/submit", null);

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json))!;
}
