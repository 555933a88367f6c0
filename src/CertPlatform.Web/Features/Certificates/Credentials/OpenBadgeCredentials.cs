using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Certificates;
using CertPlatform.Web.Infrastructure.Pdf;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Certificates.Credentials;

/// <summary>
/// The Open Badges 3.0 <c>OpenBadgeCredential</c> of a certificate (W3C VC data model 2.0 terms), built once at issue
/// from the certificate's frozen facts and signed as a VC-JWT by <see cref="CredentialSigner"/>. The holder is not
/// named: the subject is a random <c>urn:uuid</c> plus a salted SHA-256 of their e-mail address (OB IdentityObject), so
/// whoever knows the address can check it and nobody else learns it.
/// </summary>
public sealed class OpenBadgeCredentials(IOptions<CertificateOptions> options, CertificateTemplate template, ContentCatalog catalog)
{
    public const string VcContext = "https://www.w3.org/ns/credentials/v2";
    public const string ObContext = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    public const string SchemaId = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";

    private string Base => options.Value.BaseUrl;
    public string IssuerUrl => $"{Base}/credentials/issuer";
    public string JwksUrl => $"{Base}/credentials/jwks.json";
    public string StatusListUrl(int list) => $"{Base}/credentials/status/{list.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The issuer profile published at <see cref="IssuerUrl"/> and embedded in every credential.</summary>
    public JsonObject Issuer() => new()
    {
        ["id"] = IssuerUrl,
        ["type"] = new JsonArray("Profile"),
        ["name"] = template.Issuer,
        ["url"] = Base,
    };

    /// <summary>
    /// The address of a programme's achievement. The seeded programme keeps the address that the credentials issued
    /// before programmes existed carry (<c>/credentials/achievement</c>); any other programme has its own.
    /// </summary>
    public string AchievementUrl(string programmeId) => programmeId == CertificationProgramme.SeededId
        ? $"{Base}/credentials/achievement"
        : $"{Base}/credentials/achievement/{Uri.EscapeDataString(programmeId)}";

    /// <summary>
    /// A programme's certification: name (official title and level), description and criteria narrative as the
    /// administrator wrote them at /admin/programmes, curriculum alignment (one entry per part) and how it is scored.
    /// </summary>
    public JsonObject Achievement(CertificationProgramme programme)
    {
        var url = AchievementUrl(programme.Id);
        return new JsonObject
        {
            ["id"] = url,
            ["type"] = new JsonArray("Achievement"),
            ["achievementType"] = "Certification",
            ["name"] = $"{programme.Title}（{programme.Level}）",
            ["description"] = programme.Description,
            ["criteria"] = new JsonObject
            {
                ["narrative"] = programme.Criteria,
            },
            ["alignment"] = new JsonArray([.. catalog.Curriculum.Parts.Select(p => (JsonNode)new JsonObject
            {
                ["type"] = new JsonArray("Alignment"),
                ["targetName"] = p.Title,
                ["targetUrl"] = $"{Base}/lessons#part-{p.Id}",
                ["targetDescription"] = $"{catalog.Curriculum.Title} · {p.Title}",
                ["targetType"] = "ceasn:Competency",
            })]),
            ["resultDescription"] = new JsonArray(new JsonObject
            {
                ["id"] = $"{url}#score",
                ["type"] = new JsonArray("ResultDescription"),
                ["name"] = "考试成绩",
                ["resultType"] = "RawScore",
                ["valueMin"] = "0",
                ["valueMax"] = "100",
                ["requiredValue"] = "60",
            }),
            ["creator"] = Issuer(),
        };
    }

    /// <summary>
    /// The credential for <paramref name="c"/> of <paramref name="programme"/> (its programme); <paramref name="email"/> is
    /// hashed with a fresh salt, never stored in clear.
    /// </summary>
    public JsonObject Build(Certificate c, CertificationProgramme programme, string? email)
    {
        var subject = new JsonObject
        {
            ["id"] = $"urn:uuid:{Guid.NewGuid()}",
            ["type"] = new JsonArray("AchievementSubject"),
            ["achievement"] = Achievement(programme),
            ["result"] = new JsonArray(new JsonObject
            {
                ["type"] = new JsonArray("Result"),
                ["resultDescription"] = $"{AchievementUrl(programme.Id)}#score",
                ["value"] = c.Score.ToString("0.##", CultureInfo.InvariantCulture),
            }),
        };
        if (!string.IsNullOrWhiteSpace(email))
        {
            var salt = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            subject["identifier"] = new JsonArray(new JsonObject
            {
                ["type"] = "IdentityObject",
                ["identityHash"] = IdentityHash(email, salt),
                ["identityType"] = "emailAddress",
                ["hashed"] = true,
                ["salt"] = salt,
            });
        }
        var validFrom = Iso(c.IssuedAt);
        var validUntil = Iso(c.ExpiresAt);
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray(VcContext, ObContext),
            ["id"] = options.Value.VerificationUrl(c.VerificationCode),
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["name"] = $"{c.Title}（{c.Level}） {c.Number}",
            ["issuer"] = Issuer(),
            ["validFrom"] = validFrom,
            ["validUntil"] = validUntil,
            ["credentialSubject"] = subject,
            ["credentialSchema"] = new JsonArray(new JsonObject { ["id"] = SchemaId, ["type"] = "1EdTechJsonSchemaValidator2019" }),
            // Registered JWT claims (VC-JOSE-COSE allows them), so plain JWT libraries check issuer and dates too.
            ["iss"] = IssuerUrl,
            ["jti"] = options.Value.VerificationUrl(c.VerificationCode),
            ["sub"] = subject["id"]!.GetValue<string>(),
            ["iat"] = c.IssuedAt.ToUnixTimeSeconds(),
            ["nbf"] = c.IssuedAt.ToUnixTimeSeconds(),
            ["exp"] = c.ExpiresAt.ToUnixTimeSeconds(),
        };
        // Revocation: the bit of this certificate in its year's status list (see StatusListCredential).
        if (BitstringStatusList.EntryOf(c.Number) is { } entry)
            credential["credentialStatus"] = new JsonObject
            {
                ["id"] = $"{StatusListUrl(entry.List)}#{entry.Index.ToString(CultureInfo.InvariantCulture)}",
                ["type"] = "BitstringStatusListEntry",
                ["statusPurpose"] = "revocation",
                ["statusListIndex"] = entry.Index.ToString(CultureInfo.InvariantCulture),
                ["statusListCredential"] = StatusListUrl(entry.List),
            };
        return credential;
    }

    /// <summary>OB IdentityHash: "sha256$" + hex SHA-256 of the e-mail (trimmed, lower case) followed by the salt.</summary>
    public static string IdentityHash(string email, string salt) =>
        "sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant() + salt)));

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
