using System.Text.Json;

namespace CertPlatform.Web.Domain.Questions;

/// <summary>The JSON form of a candidate's response (displayed positions), as stored and sent by clients.</summary>
public static class ResponseJson
{
    public const int MaxLength = 64 * 1024;
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 8,
    };

    public static string Serialize(Response r) => JsonSerializer.Serialize(r, Options);
    public static Response Deserialize(string json) => JsonSerializer.Deserialize<Response>(json, Options) ?? Response.Empty;
    public static Response FromElement(JsonElement e) => e.Deserialize<Response>(Options) ?? Response.Empty;

    /// <summary>True when the response says nothing (no choice, no text): shown as unanswered.</summary>
    public static bool IsBlank(Response r) =>
        r.Selected.Count == 0 && r.TrueFalse is null && r.Blanks.All(string.IsNullOrWhiteSpace) && r.Matches.All(m => m < 0) &&
        r.Order.Count == 0 && string.IsNullOrWhiteSpace(r.Text) && r.Parts.Values.All(IsBlank);
}
