using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CertPlatform.IntegrationTests.Infrastructure;

/// <summary>Calls the exam API the way the exam page does: JSON plus the antiforgery header from GET /api/antiforgery.</summary>
public static class ExamClient
{
    public static async Task<HttpClient> WithApiTokenAsync(this HttpClient client)
    {
        var token = await client.GetFromJsonAsync<JsonObject>("/api/antiforgery");
        client.DefaultRequestHeaders.Remove("RequestVerificationToken");
        client.DefaultRequestHeaders.Add("RequestVerificationToken", (string)token!["token"]!);
        return client;
    }

    public static Task<HttpResponseMessage> StartAsync(this HttpClient client, string paperId, string? password = null) =>
        client.PostAsJsonAsync($"/api/papers/{paperId}/attempts", new { password });

    public static Task<HttpResponseMessage> SaveAsync(this HttpClient client, string attemptId, int questionRef, object response, long seq) =>
        client.PutAsJsonAsync($"/api/attempts/{attemptId}/answers/{questionRef}", new { response, seq });

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string attemptId) =>
        client.PostAsync($"/api/attempts/{attemptId}/submit", null);

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;
}
