using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CertPlatform.Web.Infrastructure.Pdf;

namespace CertPlatform.Web.Features.Certificates.Credentials;

/// <summary>
/// Signs credentials as compact JWS (RS256, header <c>typ: vc+jwt</c>, <c>kid</c> = the key's RFC 7638 thumbprint) and
/// publishes the public keys (current and retired) as a JWKS. Immutable; one instance for the app.
/// </summary>
public sealed class CredentialSigner
{
    public const string Algorithm = "RS256";
    private readonly RSA _current;
    private readonly Dictionary<string, RSA> _verifying;

    public CredentialSigner(RSA current, IEnumerable<RSA> retired)
    {
        if (current.KeySize < 2048) throw new InvalidOperationException($"{CredentialOptions.SigningKeyPathKey}: the RSA key has {current.KeySize} bits; use 2048 or more.");
        _current = current;
        KeyId = Thumbprint(current);
        _verifying = new Dictionary<string, RSA>(StringComparer.Ordinal) { [KeyId] = current };
        foreach (var r in retired) _verifying.TryAdd(Thumbprint(r), r);
    }

    /// <summary>The kid of the key that signs new credentials.</summary>
    public string KeyId { get; }

    public IReadOnlyCollection<string> KeyIds => _verifying.Keys;

    /// <summary>Compact JWS of <paramref name="payload"/> with the current key.</summary>
    public string Sign(JsonObject payload)
    {
        var header = new JsonObject { ["alg"] = Algorithm, ["kid"] = KeyId, ["typ"] = "vc+jwt", ["cty"] = "vc" };
        var signingInput = $"{B64(Encoding.UTF8.GetBytes(header.ToJsonString()))}.{B64(Encoding.UTF8.GetBytes(payload.ToJsonString(Compact)))}";
        var signature = _current.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{B64(signature)}";
    }

    /// <summary>The payload of a JWS signed by one of our keys (current or retired), or null when the signature does not verify.</summary>
    public JsonObject? Verify(string jws)
    {
        var parts = jws.Split('.');
        if (parts.Length != 3) return null;
        try
        {
            var header = JsonNode.Parse(Unb64(parts[0])) as JsonObject;
            if (header?["alg"]?.GetValue<string>() != Algorithm || header["kid"]?.GetValue<string>() is not { } kid || !_verifying.TryGetValue(kid, out var key)) return null;
            var ok = key.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Unb64(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            return ok ? JsonNode.Parse(Unb64(parts[1])) as JsonObject : null;
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException) { return null; }
    }

    /// <summary>{ "keys": [ … ] } with every verifying key, the current one first.</summary>
    public JsonObject Jwks() => new()
    {
        ["keys"] = new JsonArray([.. _verifying.Select(k => (JsonNode)PublicJwk(k.Value, k.Key))]),
    };

    private static JsonObject PublicJwk(RSA key, string kid)
    {
        var p = key.ExportParameters(false);
        return new JsonObject { ["kty"] = "RSA", ["use"] = "sig", ["alg"] = Algorithm, ["kid"] = kid, ["n"] = B64(p.Modulus!), ["e"] = B64(p.Exponent!) };
    }

    /// <summary>RFC 7638 JWK thumbprint (SHA-256, base64url) of the public key.</summary>
    public static string Thumbprint(RSA key)
    {
        var p = key.ExportParameters(false);
        var canonical = $"{{\"e\":\"{B64(p.Exponent!)}\",\"kty\":\"RSA\",\"n\":\"{B64(p.Modulus!)}\"}}";
        return B64(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Unb64(string s)
    {
        var t = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(t.PadRight(t.Length + (4 - t.Length % 4) % 4, '='));
    }

    // ---- keys from configuration ----

    public static string DevelopmentKeyPath(string contentRoot) => Path.Combine(contentRoot, "data", "credentials", "issuer-rs256.pem");

    /// <summary>The configured key (and retired ones); in Development without one, a key created once and kept.</summary>
    public static CredentialSigner FromOptions(CredentialOptions options, IHostEnvironment env)
    {
        RSA current;
        if (!string.IsNullOrWhiteSpace(options.SigningKeyPath)) current = LoadPem(Resolve(options.SigningKeyPath, env), CredentialOptions.SigningKeyPathKey);
        else if (env.IsDevelopment()) current = LoadOrCreateDevelopment(DevelopmentKeyPath(env.ContentRootPath));
        else throw new InvalidOperationException($"{CredentialOptions.SigningKeyPathKey} must be set outside Development (a PEM file with the issuer's RSA private key).");
        var retired = options.RetiredKeyPaths.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => LoadPem(Resolve(p, env), CredentialOptions.RetiredKeyPathsKey));
        return new CredentialSigner(current, retired.ToList());
    }

    public static string Resolve(string configured, IHostEnvironment env) => Path.GetFullPath(Path.Combine(env.ContentRootPath, configured));

    public static RSA LoadPem(string path, string key)
    {
        if (!File.Exists(path)) throw new InvalidOperationException($"{key} points to '{path}', which does not exist.");
        var rsa = RSA.Create();
        try { rsa.ImportFromPem(File.ReadAllText(path)); }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new InvalidOperationException($"{key}: '{path}' is not a PEM RSA key ({e.Message}).", e);
        }
        return rsa;
    }

    private static RSA LoadOrCreateDevelopment(string path)
    {
        KeyFile.CreateOnce(path, () =>
        {
            using var rsa = RSA.Create(2048);
            return Encoding.ASCII.GetBytes(rsa.ExportPkcs8PrivateKeyPem());
        });
        return LoadPem(path, CredentialOptions.SigningKeyPathKey);
    }
}
