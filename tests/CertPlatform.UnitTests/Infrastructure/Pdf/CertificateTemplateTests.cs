using CertPlatform.Web.Infrastructure.Pdf;
using QRCoder;

namespace CertPlatform.UnitTests.Infrastructure.Pdf;

public sealed class CertificateTemplateTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "certplatform-template-" + Guid.NewGuid().ToString("N"));

    public CertificateTemplateTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A complete template (every required key); other template tests start from it.</summary>
    internal const string Valid = """
        issuer: 测试认证中心
        title: 测试证书
        text:
          number: "编号：{CertificateNumber}"
          intro: 兹证明
          employee: "工号：{EmployeeNumber}"
          organization: "机构：{Organization}"
          body: "于 {PassDate} 通过《{PaperTitle}》，成绩 {Score} 分。"
          validity: "有效期至：{ExpiryDate}"
          recertification: "原证书 №{PreviousCertificateNumber}"
          verification_caption: 扫码验证
          verification: "{VerificationUrl}"
        signatories:
          - label: 组长
          - label: 主任
            name: 李主任
        """;

    private string Write(string yaml, string name = "template.yaml")
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, yaml.Replace("\r\n", "\n") + "\n");
        return path;
    }

    private static CertificateTemplateException LoadFails(string path) =>
        Assert.Throws<CertificateTemplateException>(() => CertificateTemplate.Load(path));

    [Fact]
    public void Repository_template_loads_with_two_signatories_and_a_drawn_seal()
    {
        var template = CertificateTemplate.Load(CertificatePdfFixture.TemplatePath);

        Assert.Equal("客户服务培训认证中心", template.Issuer);
        Assert.Equal("客户经理职业技能等级证书", template.Title);
        Assert.Equal(2, template.Signatories.Count);
        Assert.Equal(1, template.SealOverSignatory);
        Assert.NotNull(template.SealText);
    }

    [Fact]
    public void Placeholders_are_filled_with_formatted_values()
    {
        var template = CertificateTemplate.Load(Write(Valid));
        var c = CertificatePdfFixture.Sample();

        Assert.Equal("于 2026年11月30日 通过《客户经理四级认证考试（A卷）》，成绩 86.5 分。", template.Fill(template.Wording.Body, c));
        Assert.Equal("有效期至：2029年11月29日", template.Fill(template.Wording.ValidityLine, c));
        Assert.Equal("李主任", template.Signatories[1].Name);
    }

    [Fact]
    public void An_unclosed_flow_list_is_a_template_error_naming_the_file_and_a_line_not_a_crash()
    {
        // YamlDotNet's scanner throws InvalidOperationException here instead of a YamlException.
        var path = Write(Valid.Replace("title: 测试证书", "title: [未闭合"));

        var error = LoadFails(path);

        Assert.InRange(error.Line, 2, 4);
        Assert.StartsWith($"{path}:{error.Line}: invalid YAML", error.Message);
    }

    [Fact]
    public void Yaml_syntax_error_names_the_file_and_line()
    {
        var path = Write(Valid.Replace("  intro: 兹证明", "  intro: 兹证明: 多余的冒号"));

        var error = LoadFails(path);

        Assert.Equal(5, error.Line);
        Assert.StartsWith(path + ":5: invalid YAML", error.Message);
    }

    [Fact]
    public void Unknown_placeholder_names_the_file_and_line()
    {
        var path = Write(Valid.Replace("{PaperTitle}", "{PaperName}"));

        var error = LoadFails(path);

        Assert.StartsWith(path + ":8:", error.Message);
        Assert.Contains("{PaperName}", error.Message);
    }

    [Fact]
    public void Misspelt_key_names_the_file_and_line()
    {
        var path = Write(Valid.Replace("title: 测试证书", "titel: 测试证书"));

        var error = LoadFails(path);

        Assert.StartsWith(path + ":2:", error.Message);
        Assert.Contains("titel", error.Message);
    }

    [Fact]
    public void Missing_wording_line_and_bad_colour_are_reported_at_their_lines()
    {
        var noBody = LoadFails(Write(Valid.Replace("  body: \"于 {PassDate} 通过《{PaperTitle}》，成绩 {Score} 分。\"\n", ""), "no-body.yaml"));
        Assert.Contains("'body' is required", noBody.Message);
        Assert.Equal(4, noBody.Line); // the text: mapping starts on the line after "text:"

        var badColour = LoadFails(Write(Valid + "\ncolors:\n  primary: navy", "colour.yaml"));
        Assert.Equal(18, badColour.Line);
        Assert.Contains("colors.primary", badColour.Message);
    }

    [Fact]
    public void Missing_image_is_reported_with_its_line()
    {
        var path = Write(Valid + "\nlogo: missing.png");

        var error = LoadFails(path);

        Assert.StartsWith(path + ":17:", error.Message);
        Assert.Contains("missing.png", error.Message);
    }

    [Fact]
    public void Logo_and_seal_images_are_drawn_into_the_certificate()
    {
        // Any PNG will do as a logo; QRCoder makes one without shipping a binary test file.
        using (var data = QRCodeGenerator.GenerateQrCode("logo", QRCodeGenerator.ECCLevel.L))
        {
            var png = new PngByteQRCode(data).GetGraphic(4, [200, 0, 0, 255], [255, 255, 255, 255], drawQuietZones: false);
            File.WriteAllBytes(Path.Combine(_folder, "logo.png"), png);
            File.WriteAllBytes(Path.Combine(_folder, "seal.png"), png);
        }
        var template = CertificateTemplate.Load(Write(Valid + "\nlogo: logo.png\nseal:\n  image: seal.png\n  signatory: 1"));
        var pdf = new CertificatePdfRenderer(template, signer: null).Render(CertificatePdfFixture.Sample());
        var path = Path.Combine(_folder, "with-images.pdf");
        File.WriteAllBytes(path, pdf);

        var list = ExternalTool.Run("pdfimages", ["-list", path]).StdOut;
        var images = list.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();

        Assert.NotNull(template.Logo);
        Assert.Equal(0, template.SealOverSignatory);
        Assert.Equal(3, images.Count); // logo, seal, QR code
    }

    [Fact]
    public void Not_an_image_is_rejected_at_load()
    {
        File.WriteAllText(Path.Combine(_folder, "logo.png"), "not a png");

        var error = LoadFails(Write(Valid + "\nlogo: logo.png"));

        Assert.Equal(17, error.Line);
        Assert.Contains("not a PNG or JPEG", error.Message);
    }
}
