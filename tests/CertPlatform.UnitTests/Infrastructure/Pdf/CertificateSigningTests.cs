using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertPlatform.Web.Infrastructure.Pdf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CertPlatform.UnitTests.Infrastructure.Pdf;

public sealed class CertificateSigningTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "certplatform-signing-" + Guid.NewGuid().ToString("N"));

    public CertificateSigningTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Development_signer_persists_its_pfx_and_reuses_it_on_the_next_load()
    {
        var path = CertificateSigner.DevelopmentCertificatePath(_root);

        var first = CertificateSigner.LoadOrCreateDevelopment(path);
        var written = File.GetLastWriteTimeUtc(path);
        var second = CertificateSigner.LoadOrCreateDevelopment(path);

        Assert.Equal(Path.Combine(_root, "data", "certs", "signing-dev.pfx"), path);
        Assert.True(File.Exists(path));
        Assert.Equal(first.Certificate.Thumbprint, second.Certificate.Thumbprint);
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));
        Assert.Equal(CertificateSigner.DevelopmentSubject, second.Certificate.Subject);
        Assert.True(second.Certificate.HasPrivateKey);
        Assert.Equal(2048, second.Certificate.GetRSAPublicKey()!.KeySize);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Configured_pfx_with_password_is_used_and_a_wrong_password_stops_start_up_naming_the_key()
    {
        var pfx = Path.Combine(_root, "issuer.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Test Issuer", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllBytes(pfx, cert.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, "s3cret"));
        }

        using var host = Host("Production", new() { ["Certificates:SigningCertificatePath"] = pfx, ["Certificates:SigningCertificatePassword"] = "s3cret" });
        host.Start();
        Assert.Equal("CN=Test Issuer", host.Services.GetRequiredService<CertificateSigning>().Signer!.Certificate.Subject);
        Assert.True(host.Services.GetRequiredService<CertificatePdfRenderer>().Signs);

        using var wrongPassword = Host("Production", new() { ["Certificates:SigningCertificatePath"] = pfx, ["Certificates:SigningCertificatePassword"] = "wrong" });
        var error = Assert.Throws<OptionsValidationException>(() => wrongPassword.Start());
        Assert.Contains("Certificates:SigningCertificatePassword", error.Message);
    }

    [Fact]
    public void Outside_development_without_a_signing_certificate_the_host_fails_to_start_naming_the_keys()
    {
        using var host = Host("Production", []);

        var error = Assert.Throws<OptionsValidationException>(() => host.Start());

        Assert.Contains("Certificates:SigningCertificatePath", error.Message);
        Assert.Contains("Certificates:SigningCertificatePassword", error.Message);
        Assert.Contains("Certificates:AllowUnsigned", error.Message);
    }

    [Fact]
    public void Configured_path_that_does_not_exist_fails_start_up()
    {
        using var host = Host("Production", new() { ["Certificates:SigningCertificatePath"] = "nowhere/signing.pfx" });

        var error = Assert.Throws<OptionsValidationException>(() => host.Start());

        Assert.Contains("Certificates:SigningCertificatePath is 'nowhere/signing.pfx'", error.Message);
    }

    [Fact]
    public void Allow_unsigned_starts_without_a_certificate_and_renders_unsigned()
    {
        using var host = Host("Production", new() { ["Certificates:AllowUnsigned"] = "true" });
        host.Start();

        Assert.False(host.Services.GetRequiredService<CertificatePdfRenderer>().Signs);
    }

    [Fact]
    public void Development_without_configuration_signs_with_the_persisted_development_certificate()
    {
        using var host = Host("Development", []);
        host.Start();

        var signing = host.Services.GetRequiredService<CertificateSigning>();

        Assert.Equal(CertificateSigner.DevelopmentSubject, signing.Signer!.Certificate.Subject);
        Assert.True(File.Exists(Path.Combine(_root, "data", "certs", "signing-dev.pfx")));
        Assert.Same(host.Services.GetRequiredService<CertificatePdfRenderer>(), host.Services.GetRequiredService<CertificatePdfRenderer>());
    }

    [Fact]
    public void Broken_template_stops_registration_with_file_and_line()
    {
        var template = Path.Combine(_root, "broken.yaml");
        File.WriteAllText(template, "issuer: 中心\ntitle: [未闭合\n");
        var builder = Builder("Development", new() { ["Certificates:TemplatePath"] = template });

        var error = Assert.Throws<CertificateTemplateException>(() => builder.Services.AddCertificatePdf(builder.Configuration, builder.Environment));

        Assert.Equal(template, error.File);
        Assert.StartsWith(template + ":", error.Message);
    }

    private HostApplicationBuilder Builder(string environment, Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = environment,
            ContentRootPath = _root,
        });
        settings.TryAdd("Certificates:TemplatePath", CertificatePdfFixture.TemplatePath);
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }

    private IHost Host(string environment, Dictionary<string, string?> settings)
    {
        var builder = Builder(environment, settings);
        builder.Services.AddCertificatePdf(builder.Configuration, builder.Environment);
        return builder.Build();
    }
}
