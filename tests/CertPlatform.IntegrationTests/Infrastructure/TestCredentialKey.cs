namespace CertPlatform.IntegrationTests.Infrastructure;

/// <summary>RSA keys (PEM) that sign Open Badges credentials in tests: one shared per run, more on request (key rotation).</summary>
public static class TestCredentialKey
{
    private static readonly Lazy<string> Shared = new(() =>
        Create(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "certplatform-test-signing"), $"credential-{Environment.ProcessId}.pem"));

    public static string Path => Shared.Value;

    public static string Create(string folder, string name)
    {
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, name);
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        File.WriteAllText(path, rsa.ExportPkcs8PrivateKeyPem());
        return path;
    }
}
