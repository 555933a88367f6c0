using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Papers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CertPlatform.IntegrationTests.Features.Certificates;

/// <summary>
/// Open Badges 3.0 credentials: one per certificate, signed as a VC-JWT (RS256) and checked here the way a third party
/// would — with Microsoft.IdentityModel and the published JWKS only, none of the app's own verification code.
/// </summary>
public sealed class CredentialTests : IDisposable
{
    private readonly AppFactory _factory = new AppFactory().With("RateLimits:VerifyPerMinute", "1000");

    public void Dispose() => _factory.Dispose();

    private async Task<(Certificate Cert, string Jwt)> IssueAsync(AppFactory factory, string email)
    {
        var cert = await factory.ACertificate(await factory.NewTraineeClientAsync(email, u => u.FullName = "李晓梅"));
        var response = await factory.NewClient().GetAsync($"/verify/{cert.VerificationCode}/credential.jwt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (cert, (await response.Content.ReadAsStringAsync()).Trim());
    }

    /// <summary>What a third party does: fetch the JWKS from its public URL and validate the JWT's signature, issuer and dates.</summary>
    private static async Task<TokenValidationResult> ValidateWithPublishedKeysAsync(HttpClient anonymous, string jwt, string issuer)
    {
        var jwksResponse = await anonymous.GetAsync("/credentials/jwks.json");
        Assert.Equal(HttpStatusCode.OK, jwksResponse.StatusCode);
        Assert.Contains("max-age", jwksResponse.Headers.CacheControl!.ToString());
        var keys = new JsonWebKeySet(await jwksResponse.Content.ReadAsStringAsync());
        return await new JsonWebTokenHandler().ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidIssuer = issuer,
            ValidateAudience = false,
            ValidAlgorithms = ["RS256"],
            ValidTypes = ["vc+jwt"],
        });
    }

    [Fact]
    public async Task Each_certificate_carries_a_signed_open_badge_credential_that_verifies_with_the_published_jwks_only()
    {
        var (cert, jwt) = await IssueAsync(_factory, "ob1@demo.local");
        var anonymous = _factory.NewClient();
        var result = await ValidateWithPublishedKeysAsync(anonymous, jwt, "https://certs.example.test/credentials/issuer");
        Assert.True(result.IsValid, result.Exception?.Message);

        var vc = JsonNode.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(jwt.Split('.')[1])))!.AsObject();
        Assert.Equal(["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
            vc["@context"]!.AsArray().Select(x => (string)x!));
        Assert.Equal(["VerifiableCredential", "OpenBadgeCredential"], vc["type"]!.AsArray().Select(x => (string)x!));
        Assert.Equal($"https://certs.example.test/verify/{cert.VerificationCode}", (string)vc["id"]!);
        // Whole seconds (xsd:dateTime in UTC, no fraction).
        Assert.Equal(cert.IssuedAt.ToUnixTimeSeconds(), DateTimeOffset.Parse((string)vc["validFrom"]!, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds());
        Assert.Equal(cert.ExpiresAt.ToUnixTimeSeconds(), DateTimeOffset.Parse((string)vc["validUntil"]!, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds());
        Assert.EndsWith("Z", (string)vc["validFrom"]!);
        Assert.Equal("https://certs.example.test/credentials/issuer", (string)vc["issuer"]!["id"]!);
        var subject = vc["credentialSubject"]!;
        Assert.Matches("^urn:uuid:[0-9a-f-]{36}$", (string)subject["id"]!);
        Assert.Equal("Certification", (string)subject["achievement"]!["achievementType"]!);
        Assert.Equal(5, subject["achievement"]!["alignment"]!.AsArray().Count); // one per curriculum part
        Assert.Equal(cert.Score.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), (string)subject["result"]![0]!["value"]!);
        // The holder's e-mail is only there as a salted hash that whoever knows the address can check.
        Assert.DoesNotContain("ob1@demo.local", jwt + vc.ToJsonString());
        var identity = subject["identifier"]![0]!;
        var salt = (string)identity["salt"]!;
        Assert.Equal("sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("ob1@demo.local" + salt))), (string)identity["identityHash"]!);
        Assert.DoesNotContain("李晓梅", vc.ToJsonString());

        // Frozen at issue: the same bytes on every download, also as .json.
        Assert.Equal(jwt, (await anonymous.GetStringAsync($"/verify/{cert.VerificationCode}/credential.jwt")).Trim());
        var json = JsonNode.Parse(await anonymous.GetStringAsync($"/verify/{cert.VerificationCode}/credential.json"))!;
        Assert.Equal((string)vc["id"]!, (string)json["id"]!);
        Assert.Contains("credential-signature-valid", await anonymous.GetStringAsync($"/verify/{cert.VerificationCode}"));
        Assert.Equal("https://certs.example.test/credentials/issuer", (string)JsonNode.Parse(await anonymous.GetStringAsync("/credentials/issuer"))!["id"]!);
    }

    [Fact]
    public async Task Revoking_a_certificate_sets_its_bit_in_the_signed_status_list()
    {
        var (revoked, revokedJwt) = await IssueAsync(_factory, "ob5@demo.local");
        var (kept, _) = await IssueAsync(_factory, "ob6@demo.local");
        using (var scope = _factory.Services.CreateScope())
        {
            var hr = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new(System.Security.Claims.ClaimTypes.Name, "hr@demo.local")], "test"));
            Assert.Equal(CertPlatform.Web.Features.Certificates.RevokeCertificateOutcome.Revoked,
                await scope.ServiceProvider.GetRequiredService<CertPlatform.Web.Features.Certificates.RevokeCertificate>().RunAsync(revoked.Id, "测试撤销", hr, CancellationToken.None));
        }
        var entry = JsonNode.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(revokedJwt.Split('.')[1])))!["credentialStatus"]!;
        Assert.Equal("BitstringStatusListEntry", (string)entry["type"]!);
        Assert.Equal("revocation", (string)entry["statusPurpose"]!);
        var listUrl = new Uri((string)entry["statusListCredential"]!);

        var anonymous = _factory.NewClient();
        var response = await anonymous.GetAsync(listUrl.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("max-age=300", response.Headers.CacheControl!.ToString());
        var listJwt = await response.Content.ReadAsStringAsync();
        var keys = new JsonWebKeySet(await anonymous.GetStringAsync("/credentials/jwks.json"));
        var validated = await new JsonWebTokenHandler().ValidateTokenAsync(listJwt, new TokenValidationParameters
        {
            IssuerSigningKeys = keys.GetSigningKeys(), ValidIssuer = "https://certs.example.test/credentials/issuer",
            ValidateAudience = false, RequireExpirationTime = false, ValidAlgorithms = ["RS256"],
        });
        Assert.True(validated.IsValid, validated.Exception?.Message);
        var list = JsonNode.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(listJwt.Split('.')[1])))!;
        Assert.Equal(["VerifiableCredential", "BitstringStatusListCredential"], list["type"]!.AsArray().Select(x => (string)x!));
        var encoded = (string)list["credentialSubject"]!["encodedList"]!;

        // Decoded here with the platform's GZip and base64url, not the app's code: multibase "u" + base64url(gzip(bits)).
        Assert.StartsWith("u", encoded);
        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(Base64UrlEncoder.DecodeBytes(encoded[1..])), System.IO.Compression.CompressionMode.Decompress);
        using var bits = new MemoryStream();
        gzip.CopyTo(bits);
        var bitstring = bits.ToArray();
        Assert.True(bitstring.Length * 8 >= 131072, "at least 131,072 entries (herd privacy)");
        bool IsSet(int i) => (bitstring[i / 8] & (0x80 >> (i % 8))) != 0;
        Assert.True(IsSet(int.Parse((string)entry["statusListIndex"]!, System.Globalization.CultureInfo.InvariantCulture)));
        var keptIndex = int.Parse(kept.Number.Split('-')[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(IsSet(keptIndex));
        Assert.Equal(1, bitstring.Sum(b => System.Numerics.BitOperations.PopCount(b)));
    }

    [Fact]
    public async Task The_pdf_carries_the_credential_as_an_embedded_file_under_its_signature()
    {
        var (cert, jwt) = await IssueAsync(_factory, "ob7@demo.local");
        var pdf = await _factory.ScopedAsync(db => db.CertificateFiles.Where(f => f.CertificateId == cert.Id).Select(f => f.Bytes).SingleAsync());
        var folder = Path.Combine(_factory.DataFolder, "pdf");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "certificate.pdf");
        await File.WriteAllBytesAsync(path, pdf);

        Assert.Contains("open-badge-credential.jwt", Tool("pdfdetach", "-list", path));
        Tool("pdfdetach", "-saveall", "-o", folder, path);
        Assert.Equal(jwt, (await File.ReadAllTextAsync(Path.Combine(folder, "open-badge-credential.jwt"))).Trim());
        var signature = Tool("pdfsig", "-nocert", path);
        Assert.Contains("Signature is Valid", signature);
        Assert.Contains("Total document signed", signature);
    }

    [Fact]
    public async Task A_node_verifier_using_only_jose_and_the_jwks_accepts_the_credential_and_sees_its_revocation()
    {
        var (cert, jwt) = await IssueAsync(_factory, "ob8@demo.local");
        var anonymous = _factory.NewClient();
        var folder = Path.Combine(_factory.DataFolder, "node");
        Directory.CreateDirectory(folder);
        string Save(string name, string text) { var p = Path.Combine(folder, name); File.WriteAllText(p, text); return p; }
        var jwks = Save("jwks.json", await anonymous.GetStringAsync("/credentials/jwks.json"));
        const string issuer = "https://certs.example.test/credentials/issuer";

        var ok = JsonNode.Parse(Node("credential", Save("credential.jwt", jwt), jwks, issuer))!;
        Assert.True((bool)ok["valid"]!);
        Assert.Equal($"https://certs.example.test/verify/{cert.VerificationCode}", (string)ok["id"]!);
        var parts = jwt.Split('.');
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"value\":\"", "\"value\":\"1")))}.{parts[2]}";
        Assert.False((bool)JsonNode.Parse(Node("credential", Save("tampered.jwt", tampered), jwks, issuer, expectSuccess: false))!["valid"]!);

        var index = (string)ok["statusListIndex"]!;
        var listPath = new Uri((string)ok["statusListCredential"]!).AbsolutePath;
        Assert.False((bool)JsonNode.Parse(Node("status", Save("status-before.jwt", await anonymous.GetStringAsync(listPath)), jwks, issuer, index))!["revoked"]!);
        using (var scope = _factory.Services.CreateScope())
        {
            var hr = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new(System.Security.Claims.ClaimTypes.Name, "hr@demo.local")], "test"));
            await scope.ServiceProvider.GetRequiredService<CertPlatform.Web.Features.Certificates.RevokeCertificate>().RunAsync(cert.Id, "测试撤销", hr, CancellationToken.None);
        }
        Assert.True((bool)JsonNode.Parse(Node("status", Save("status-after.jwt", await anonymous.GetStringAsync(listPath)), jwks, issuer, index))!["revoked"]!);
    }

    /// <summary>Runs tests/credential-verifier/verify.mjs (Node + jose, installed by scripts/test.sh) and returns its JSON line.</summary>
    private static string Node(string mode, string file, string jwks, string issuer, string? index = null, bool expectSuccess = true)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "tests", "credential-verifier"))) dir = dir.Parent;
        Assert.True(dir is not null, "tests/credential-verifier not found above " + AppContext.BaseDirectory);
        var verifier = Path.Combine(dir!.FullName, "tests", "credential-verifier");
        Assert.True(Directory.Exists(Path.Combine(verifier, "node_modules", "jose")), $"run `npm ci` in {verifier} (scripts/test.sh does)");
        var start = new System.Diagnostics.ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = verifier };
        foreach (var a in new[] { "verify.mjs", mode, file, jwks, issuer }.Concat(index is null ? [] : [index])) start.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True((process.ExitCode == 0) == expectSuccess, $"node verify.mjs {mode} exited with {process.ExitCode}: {output}{error}");
        return output.Trim();
    }

    /// <summary>Runs a poppler tool (apt-get install -y poppler-utils) and returns its output.</summary>
    private static string Tool(string name, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(name) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{name} failed: {output}");
        return output;
    }

    [Fact]
    public async Task A_tampered_credential_is_refused()
    {
        var (_, jwt) = await IssueAsync(_factory, "ob2@demo.local");
        var parts = jwt.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"value\":\"", "\"value\":\"1");
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";
        var result = await ValidateWithPublishedKeysAsync(_factory.NewClient(), tampered, "https://certs.example.test/credentials/issuer");
        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenInvalidSignatureException>(result.Exception);
    }

    [Fact]
    public async Task After_a_key_rotation_old_credentials_still_verify_and_new_ones_use_the_new_key()
    {
        var oldKey = TestCredentialKey.Create(_factory.DataFolder, "old.pem");
        var newKey = TestCredentialKey.Create(_factory.DataFolder, "new.pem");
        string oldJwt;
        using (var before = new AppFactory(Path.Combine(_factory.DataFolder, "rotation")) { KeepDataFolder = true }.With("Credentials:SigningKeyPath", oldKey))
            (_, oldJwt) = await IssueAsync(before, "ob3@demo.local");
        using var after = new AppFactory(Path.Combine(_factory.DataFolder, "rotation"))
            .With("Credentials:SigningKeyPath", newKey).With("Credentials:RetiredKeyPaths:0", oldKey);
        var (_, newJwt) = await IssueAsync(after, "ob4@demo.local");
        var anonymous = after.NewClient();
        Assert.True((await ValidateWithPublishedKeysAsync(anonymous, oldJwt, "https://certs.example.test/credentials/issuer")).IsValid);
        Assert.True((await ValidateWithPublishedKeysAsync(anonymous, newJwt, "https://certs.example.test/credentials/issuer")).IsValid);
        Assert.NotEqual(new JsonWebToken(oldJwt).Kid, new JsonWebToken(newJwt).Kid);
        Assert.Equal(2, new JsonWebKeySet(await anonymous.GetStringAsync("/credentials/jwks.json")).Keys.Count);
    }
}
