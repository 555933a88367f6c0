using CertPlatform.Web.Infrastructure.Pdf;

namespace CertPlatform.UnitTests.Infrastructure.Pdf;

/// <summary>
/// A programme's template edited on disk is picked up by <see cref="CertificateTemplates.Get"/> on every instance (each
/// keeps its own copy), not only by the instance where the programme was saved; a broken edit keeps the last valid one.
/// </summary>
public sealed class CertificateTemplatesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "certplatform-templates-" + Guid.NewGuid().ToString("N"));
    private readonly DateTime _written = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    public CertificateTemplatesTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A complete template (every required key) with this title.</summary>
    private static string Yaml(string title) => CertificateTemplateTests.Valid.Replace("title: 测试证书", "title: " + title).Replace("\r\n", "\n") + "\n";

    /// <summary>Writes the programme's file with a modification time <paramref name="minutes"/> after the first one.</summary>
    private void Write(string content, int minutes)
    {
        var path = Path.Combine(_folder, "prog.yaml");
        File.WriteAllText(path, content);
        File.SetLastWriteTimeUtc(path, _written.AddMinutes(minutes));
    }

    [Fact]
    public void An_edited_template_is_used_without_a_check_and_a_broken_edit_keeps_the_last_valid_version()
    {
        Write(Yaml("第一版证书"), 0);
        var defaultTemplate = CertificateTemplate.Parse(Yaml("默认证书"), Path.Combine(_folder, "template.yaml"), _folder);
        var instanceA = new CertificateTemplates(defaultTemplate, _folder);
        var instanceB = new CertificateTemplates(defaultTemplate, _folder);
        Assert.Equal("第一版证书", instanceA.Get("prog.yaml").Title);
        Assert.Equal("第一版证书", instanceB.Get("prog.yaml").Title);

        // Edited, and checked on A only (the programme saved there): B sees the new version too.
        Write(Yaml("第二版证书"), 1);
        Assert.Null(instanceA.Check("prog.yaml"));
        Assert.Equal("第二版证书", instanceA.Get("prog.yaml").Title);
        Assert.Equal("第二版证书", instanceB.Get("prog.yaml").Title);

        Write("issuer: [broken\n", 2);
        Assert.Equal("第二版证书", instanceB.Get("prog.yaml").Title);
        Assert.NotNull(instanceA.Check("prog.yaml"));

        Write(Yaml("第三版证书"), 3);
        Assert.Equal("第三版证书", instanceB.Get("prog.yaml").Title);
        Assert.Equal("默认证书", instanceB.Get("template.yaml").Title);
        Assert.Equal("默认证书", instanceB.Get(null).Title);
    }

    [Fact]
    public void A_missing_template_throws_on_first_use()
    {
        var defaultTemplate = CertificateTemplate.Parse(Yaml("默认证书"), Path.Combine(_folder, "template.yaml"), _folder);
        Assert.Throws<CertificateTemplateException>(() => new CertificateTemplates(defaultTemplate, _folder).Get("absent.yaml"));
    }
}
