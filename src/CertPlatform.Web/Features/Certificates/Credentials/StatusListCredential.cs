using System.Globalization;
using System.Text.Json.Nodes;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Certificates;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Certificates.Credentials;

/// <summary>
/// The revocation list of one year's certificates as a W3C BitstringStatusListCredential, signed as a VC-JWT by the same
/// issuer key. Built from the database on request, so revoking a certificate flips its bit at once (caches aside).
/// </summary>
public sealed class StatusListCredential(AppDbContext db, OpenBadgeCredentials credentials, CredentialSigner signer, TimeProvider clock)
{
    public async Task<string> SignedAsync(int list, CancellationToken ct)
    {
        var revoked = await db.Certificates.AsNoTracking().Where(c => c.Status == CertificateStatus.Revoked).Select(c => c.Number).ToListAsync(ct);
        var indexes = revoked.Select(BitstringStatusList.EntryOf).Where(e => e?.List == list).Select(e => e!.Value.Index);
        var url = credentials.StatusListUrl(list);
        var now = clock.GetUtcNow();
        var payload = new JsonObject
        {
            ["@context"] = new JsonArray(OpenBadgeCredentials.VcContext),
            ["id"] = url,
            ["type"] = new JsonArray("VerifiableCredential", "BitstringStatusListCredential"),
            ["issuer"] = credentials.IssuerUrl,
            ["validFrom"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = $"{url}#list",
                ["type"] = "BitstringStatusList",
                ["statusPurpose"] = "revocation",
                ["encodedList"] = BitstringStatusList.Encode(indexes),
            },
            ["iss"] = credentials.IssuerUrl,
            ["iat"] = now.ToUnixTimeSeconds(),
        };
        return signer.Sign(payload);
    }
}
