using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CertPlatform.IntegrationTests.Infrastructure;
using Json.Schema;

namespace CertPlatform.IntegrationTests.Features.Certificates;

/// <summary>
/// Issue 15: the credential a certificate carries is checked against 1EdTech's Open Badges 3.0 AchievementCredential
/// JSON schema (committed beside this test; which version and why: docs/credentials.md), with JsonSchema.Net.
/// </summary>
public sealed class CredentialSchemaTests : IDisposable
{
    private readonly AppFactory _factory = new AppFactory().With("RateLimits:VerifyPerMinute", "1000");

    public void Dispose() => _factory.Dispose();

    private static string SchemaPath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CertPlatform.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "tests", "CertPlatform.IntegrationTests", "Features", "Certificates", "ob_v3p0_achievementcredential_schema.json");
    }

    /// <summary>The official schema as published (VC data model 1.1 dates: issuanceDate / expirationDate).</summary>
    private static JsonObject OfficialSchema() => JsonNode.Parse(File.ReadAllText(SchemaPath()))!.AsObject();

    /// <summary>
    /// The same schema with the one change Open Badges 3.0.3 made when it moved to the VC data model 2.0: issuanceDate
    /// and expirationDate became validFrom and validUntil (same type and format). Nothing else is touched.
    /// </summary>
    private static JsonSchema Schema() => AdaptedSchema.Value;

    /// <summary>Built once: JsonSchema.Net registers a schema under its $id process-wide and refuses a second registration.</summary>
    private static readonly Lazy<JsonSchema> AdaptedSchema = new(BuildSchema);

    private static JsonSchema BuildSchema()
    {
        var schema = OfficialSchema();
        var properties = schema["properties"]!.AsObject();
        properties["validFrom"] = properties["issuanceDate"]!.DeepClone();
        properties["validUntil"] = properties["expirationDate"]!.DeepClone();
        var required = schema["required"]!.AsArray();
        var index = required.Select(n => n!.GetValue<string>()).ToList().IndexOf("issuanceDate");
        Assert.True(index >= 0, "the committed schema no longer requires issuanceDate; revisit this adaptation");
        required[index] = "validFrom";
        return JsonSchema.FromText(schema.ToJsonString());
    }

    private static EvaluationResults Evaluate(JsonSchema schema, JsonNode credential)
    {
        using var document = JsonDocument.Parse(credential.ToJsonString());
        return schema.Evaluate(document.RootElement.Clone(), new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
    }

    private static string Errors(EvaluationResults r) =>
        string.Join("\n", (r.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")));

    private async Task<JsonObject> CredentialAsync(string email)
    {
        var (_, code) = await CertificateScenario.IssueAsync(_factory, email);
        var response = await _factory.NewClient().GetAsync($"/verify/{code}/credential.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    [Fact]
    public async Task The_issued_credential_is_valid_against_the_open_badges_3_schema()
    {
        var credential = await CredentialAsync("schema1@demo.local");
        var result = Evaluate(Schema(), credential);
        Assert.True(result.IsValid, Errors(result));
        // The credential names the schema it follows.
        Assert.Equal(OfficialSchema()["$id"]!.GetValue<string>(), credential["credentialSchema"]![0]!["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("name")]
    [InlineData("issuer")]
    [InlineData("validFrom")]
    [InlineData("credentialSubject")]
    public async Task A_credential_missing_a_required_property_fails(string property)
    {
        var credential = await CredentialAsync($"schema-{property.ToLowerInvariant()}@demo.local");
        Assert.True(credential.Remove(property));
        var result = Evaluate(Schema(), credential);
        Assert.False(result.IsValid);
        Assert.Contains(property, Errors(result));
    }

    [Fact]
    public async Task A_missing_nested_requirement_fails_too()
    {
        var credential = await CredentialAsync("schema-nested@demo.local");
        Assert.True(credential["credentialSubject"]!["achievement"]!.AsObject().Remove("criteria"));
        var result = Evaluate(Schema(), credential);
        Assert.False(result.IsValid);
        Assert.Contains("criteria", Errors(result));
    }
}
