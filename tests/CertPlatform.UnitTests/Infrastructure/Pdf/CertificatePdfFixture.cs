using CertPlatform.Web.Infrastructure.Pdf;

namespace CertPlatform.UnitTests.Infrastructure.Pdf;

/// <summary>The repository's template, a development signing key in a throw-away folder, and a renderer using both.</summary>
public sealed class CertificatePdfFixture : IDisposable
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "certplatform-pdf-" + Guid.NewGuid().ToString("N"));
    public CertificateTemplate Template { get; }
    public CertificateSigner Signer { get; }
    public CertificatePdfRenderer Renderer { get; }

    public static string TemplatePath => Path.Combine(RepoPaths.Content, "certificates", "template.yaml");

    public CertificatePdfFixture()
    {
        Directory.CreateDirectory(Folder);
        Template = CertificateTemplate.Load(TemplatePath);
        Signer = CertificateSigner.LoadOrCreateDevelopment(Path.Combine(Folder, "signing-dev.pfx"));
        Renderer = new CertificatePdfRenderer(Template, Signer);
    }

    public static CertificateContent Sample(string holderName = "张伟", string organization = "华东区上海分行营业部",
        string? previous = null) => new(
        HolderName: holderName,
        EmployeeNumber: "E20260042",
        Organization: organization,
        Title: "客户经理",
        Level: "四级/中级工",
        CertificateNumber: "CP-2026-000123",
        PaperTitle: "客户经理四级认证考试（A卷）",
        Score: 86.5m,
        PassDate: new DateOnly(2026, 11, 30),
        ExpiryDate: new DateOnly(2029, 11, 29),
        VerificationUrl: "https://certs.example.com/verify/CP-2026-000123?k=7f3a9c",
        PreviousCertificateNumber: previous);

    /// <summary>Writes the PDF into the fixture folder for the command-line tools.</summary>
    public string Save(byte[] pdf, string name)
    {
        var path = Path.Combine(Folder, name + ".pdf");
        File.WriteAllBytes(path, pdf);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
