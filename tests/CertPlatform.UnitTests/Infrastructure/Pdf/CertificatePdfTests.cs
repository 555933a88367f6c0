using System.Text;
using System.Text.RegularExpressions;
using CertPlatform.Web.Infrastructure.Pdf;
using PdfSharp.Drawing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace CertPlatform.UnitTests.Infrastructure.Pdf;

/// <summary>Checks rendered certificates with independent readers: poppler, zbar and PdfPig.</summary>
public sealed class CertificatePdfTests(CertificatePdfFixture fx) : IClassFixture<CertificatePdfFixture>
{
    private readonly Lazy<string> _samplePath = new(() =>
        fx.Save(fx.Renderer.Render(CertificatePdfFixture.Sample()), "sample-" + Guid.NewGuid().ToString("N")));

    [Fact]
    public void Pdftotext_reads_back_the_holder_name_certificate_number_and_verification_url()
    {
        var text = ExternalTool.Run("pdftotext", ["-enc", "UTF-8", _samplePath.Value, "-"]).StdOut;
        var sample = CertificatePdfFixture.Sample();

        Assert.Contains(sample.HolderName, text);
        Assert.Contains("证书编号：" + sample.CertificateNumber, text);
        Assert.Contains(sample.VerificationUrl, text);
        Assert.Contains("客户经理职业技能等级证书", text);
        Assert.Contains("所在机构：华东区上海分行营业部", text);
        Assert.Contains("工号：E20260042", text);
        Assert.Contains("成绩 86.5 分", text);
        Assert.Contains("2029年11月29日", text);
        Assert.DoesNotContain("再认证", text);
    }

    [Fact]
    public void Recertification_line_names_the_previous_certificate()
    {
        var path = fx.Save(fx.Renderer.Render(CertificatePdfFixture.Sample(previous: "CP-2023-000042")), "recert");
        var text = ExternalTool.Run("pdftotext", ["-enc", "UTF-8", path, "-"]).StdOut;
        Assert.Contains("本证书为原证书 №CP-2023-000042 的再认证。", text);
    }

    [Fact]
    public void Pdffonts_lists_only_embedded_subsets_of_noto_sans_sc()
    {
        var output = ExternalTool.Run("pdffonts", [_samplePath.Value]).StdOut;
        // Columns: name type encoding emb sub uni object ID; the type may be two words, so read from the right.
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();

        Assert.Equal(2, rows.Count); // regular and bold
        foreach (var cols in rows)
        {
            var line = string.Join(' ', cols);
            Assert.Matches(new Regex("^[A-Z]{6}\\+Noto Sans SC"), line);
            Assert.Equal("yes", cols[^5]); // emb
            Assert.Equal("yes", cols[^4]); // sub
            Assert.Equal("yes", cols[^3]); // uni: text can be copied and searched
        }
    }

    [Fact]
    public void Qr_code_scans_to_exactly_the_verification_url()
    {
        var prefix = Path.Combine(fx.Folder, "qr-" + Guid.NewGuid().ToString("N"));
        ExternalTool.Run("pdftoppm", ["-r", "150", "-png", "-singlefile", _samplePath.Value, prefix]);

        var decoded = ExternalTool.Run("zbarimg", ["--raw", "-q", prefix + ".png"]).StdOut;

        Assert.Equal(CertificatePdfFixture.Sample().VerificationUrl, decoded.TrimEnd('\n'));
    }

    [Fact]
    public void Pdfsig_finds_a_valid_sha256_signature_over_the_whole_document()
    {
        var output = ExternalTool.Run("pdfsig", ["-nocert", _samplePath.Value]).StdOut;

        Assert.Contains("Signature is Valid", output);
        Assert.Contains("Total document signed", output);
        Assert.Contains("Signing Hash Algorithm: SHA-256", output);
        Assert.Contains("CertPlatform Development Signing", output);
    }

    [Fact]
    public void Flipping_one_byte_of_a_signed_stream_makes_pdfsig_reject_the_signature()
    {
        var pdf = fx.Renderer.Render(CertificatePdfFixture.Sample());
        var offset = SignedStreamByte(pdf);
        pdf[offset] ^= 0x01;
        var path = fx.Save(pdf, "tampered");

        var result = ExternalTool.Run("pdfsig", ["-nocert", path], expectSuccess: false);
        var output = result.StdOut + result.StdErr;

        Assert.DoesNotContain("Signature is Valid", output);
        // poppler says "Digest Mismatch" when the signed message digest no longer matches, "Invalid" for other breakage.
        Assert.True(output.Contains("Digest Mismatch") || output.Contains("Signature is Invalid"), output);
    }

    [Fact]
    public void Appending_to_a_signed_file_makes_pdfsig_report_it_is_not_wholly_signed()
    {
        var pdf = fx.Renderer.Render(CertificatePdfFixture.Sample());
        var path = fx.Save([.. pdf, .. "\n% appended after signing\n"u8], "appended");

        var output = ExternalTool.Run("pdfsig", ["-nocert", path], expectSuccess: false).StdOut;

        Assert.Contains("Not total document signed", output);
    }

    [Fact]
    public void Renderer_without_signer_produces_an_unsigned_pdf()
    {
        var unsigned = new CertificatePdfRenderer(fx.Template, signer: null);
        var path = fx.Save(unsigned.Render(CertificatePdfFixture.Sample()), "unsigned");

        var result = ExternalTool.Run("pdfsig", ["-nocert", path], expectSuccess: false);

        Assert.False(unsigned.Signs);
        Assert.Contains("does not contain any signatures", result.StdOut + result.StdErr);
    }

    [Fact]
    public void Very_long_name_and_organisation_stay_inside_the_page_and_their_boxes_and_are_complete()
    {
        const string name = "欧阳司马上官诸葛东方皇甫尉迟公孙长孙宇文轩辕令狐钟离闾丘慕容鲜于宗政濮阳淳于单于";
        const string organization =
            "中国某某银行股份有限公司华东区上海市分行浦东新区陆家嘴金融贸易区营业部个人金融业务部客户经理团队第三小组 (Customer Service Excellence Program)";
        Assert.Equal(40, name.Length);
        var content = CertificatePdfFixture.Sample(holderName: name, organization: organization);

        using var document = PdfDocument(fx.Renderer.Render(content));
        var page = document.GetPage(1);

        Assert.Equal(842, page.Width, 0.5);
        Assert.Equal(595, page.Height, 0.5);
        foreach (var letter in page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)))
            AssertInside(letter, new XRect(0, 0, page.Width, page.Height), page.Height);

        var nameLetters = FindRun(page.Letters, name);
        Assert.True(nameLetters.Count == name.Length, "the whole name is drawn");
        Assert.True(nameLetters.Select(l => Math.Round(l.StartBaseLine.Y)).Distinct().Count() > 1, "a 40-character name wraps");
        foreach (var l in nameLetters) AssertInside(l, CertificateLayout.HolderName, page.Height);

        var orgText = "所在机构：" + organization;
        var orgLetters = FindRun(page.Letters, orgText.Replace(" ", ""));
        Assert.Equal(orgText.Replace(" ", "").Length, orgLetters.Count);
        foreach (var l in orgLetters) AssertInside(l, CertificateLayout.Organization, page.Height);
    }

    [Fact]
    public void Layout_is_deterministic()
    {
        var content = CertificatePdfFixture.Sample();
        using var first = PdfDocument(fx.Renderer.Render(content));
        using var second = PdfDocument(fx.Renderer.Render(content));

        static string Positions(PdfDocument d) => string.Join('\n',
            d.GetPage(1).Letters.Select(l => $"{l.Value} {l.StartBaseLine.X:0.000} {l.StartBaseLine.Y:0.000} {l.PointSize:0.00}"));

        Assert.Equal(Positions(first), Positions(second));
    }

    private static PdfDocument PdfDocument(byte[] pdf) => UglyToad.PdfPig.PdfDocument.Open(pdf);

    /// <summary>Letters are in drawing order, so the text of one box is a contiguous run even across wrapped lines.</summary>
    private static List<Letter> FindRun(IReadOnlyList<Letter> letters, string text)
    {
        var visible = letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        var joined = new StringBuilder();
        var starts = new List<int>();
        foreach (var l in visible)
        {
            starts.Add(joined.Length);
            joined.Append(l.Value);
        }
        var at = joined.ToString().IndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{text}' not found in drawn text: {joined}");
        var first = starts.IndexOf(at);
        var run = new List<Letter>();
        var length = 0;
        for (var i = first; length < text.Length; i++)
        {
            run.Add(visible[i]);
            length += visible[i].Value.Length;
        }
        return run;
    }

    /// <summary>PdfPig uses PDF coordinates (origin bottom left); the layout boxes use PDFsharp's (origin top left).</summary>
    private static void AssertInside(Letter letter, XRect box, double pageHeight)
    {
        const double tolerance = 0.5;
        var g = letter.BoundingBox;
        var top = pageHeight - g.Top;
        var bottom = pageHeight - g.Bottom;
        Assert.True(g.Left >= box.Left - tolerance && g.Right <= box.Right + tolerance && top >= box.Top - tolerance && bottom <= box.Bottom + tolerance,
            $"'{letter.Value}' at x {g.Left:0.0}..{g.Right:0.0}, y {top:0.0}..{bottom:0.0} leaves box x {box.Left}..{box.Right}, y {box.Top}..{box.Bottom}");
    }

    /// <summary>
    /// An offset in the middle of a stream that the signature covers: inside /ByteRange and outside the /Contents hex,
    /// so changing it must change the digest rather than the signature bytes.
    /// </summary>
    private static int SignedStreamByte(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var range = Regex.Match(text, @"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]");
        Assert.True(range.Success, "no /ByteRange in the PDF");
        var gapStart = int.Parse(range.Groups[2].Value);
        var gapEnd = int.Parse(range.Groups[3].Value);
        Assert.Equal(pdf.Length, gapEnd + int.Parse(range.Groups[4].Value));

        foreach (Match m in Regex.Matches(text, @"/Length (\d+)[^>]*>>\s*stream\r?\n"))
        {
            var dataStart = m.Index + m.Length;
            var length = int.Parse(m.Groups[1].Value);
            var middle = dataStart + length / 2;
            if (length > 100 && (middle < gapStart || middle >= gapEnd)) return middle;
        }
        Assert.Fail("no signed stream found");
        return -1;
    }
}
