namespace CertPlatform.IntegrationTests.Infrastructure;

/// <summary>One self-signed signing certificate for the whole test run (creating an RSA key per test would be slow).</summary>
public static class TestSigningCertificate
{
    private static readonly Lazy<string> Created = new(() =>
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "certplatform-test-signing", "signing-test.pfx");
        CertPlatform.Web.Infrastructure.Pdf.CertificateSigner.LoadOrCreateDevelopment(path);
        return path;
    });

    public static string Path => Created.Value;
}
