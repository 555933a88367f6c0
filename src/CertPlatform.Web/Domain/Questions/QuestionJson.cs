using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertPlatform.Web.Domain.Questions;

/// <summary>The one JSON form of a question: stored in versions, compared for changes, diffed.</summary>
public static class QuestionJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        // Absent optional values (no image, no anchor) are left out, so adding an optional field later
        // does not change the JSON, and the content hash, of questions that do not use it.
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(Question q) => JsonSerializer.Serialize(q, Options);

    public static Question Deserialize(string json) =>
        JsonSerializer.Deserialize<Question>(json, Options) ?? throw new JsonException("empty question JSON");

    /// <summary>SHA-256 (hex) of the canonical JSON: equal questions have equal hashes.</summary>
    public static string Hash(Question q) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Serialize(q))));
}
