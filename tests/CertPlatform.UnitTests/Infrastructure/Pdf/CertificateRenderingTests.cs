using CertPlatform.Web.Infrastructure.Pdf;
using UglyToad.PdfPig.Content;

namespace CertPlatform.UnitTests.Infrastructure.Pdf;

/// <summary>
/// Issue 15.6, the certificate as an HR manager sees it: the rendered first page against a committed reference image
/// (pdftoppm at 30 dpi, grey), and pdftotext/PdfPig checks of the title line and the signatories' names.
/// Regenerate the reference after an intended layout change: UPDATE_REFERENCE=1 (then look at the image).
/// </summary>
public sealed class CertificateRenderingTests(CertificatePdfFixture fx) : IClassFixture<CertificatePdfFixture>
{
    /// <summary>A pixel differs when its grey level is more than this apart (anti-aliasing of another poppler stays below).</summary>
    public const int PixelThreshold = 64;
    /// <summary>The page matches when at most this share of its pixels differ (a moved seal alone is about twice this).</summary>
    public const double MaxDifferingShare = 0.005;

    private static string ReferencePath => Path.Combine(RepoPaths.Root, "tests", "CertPlatform.UnitTests", "Infrastructure", "Pdf", "certificate-reference.pgm");

    private static CertificateContent Content => CertificatePdfFixture.Sample() with
    {
        Title = "VIP客户服务经理",
        Level = "四级",
        PaperTitle = "VIP客户服务经理岗位技能四级认证考试（2026年第一期）",
        IssueDate = new DateOnly(2026, 11, 30),
    };

    private GreyImage RenderFirstPage(CertificatePdfRenderer renderer, string name)
    {
        var pdf = fx.Save(renderer.Render(Content), $"{name}-{Guid.NewGuid():N}");
        var prefix = Path.Combine(fx.Folder, $"{name}-page-{Guid.NewGuid():N}");
        ExternalTool.Run("pdftoppm", ["-r", "30", "-gray", "-f", "1", "-l", "1", "-singlefile", pdf, prefix]);
        return GreyImage.Read(prefix + ".pgm");
    }

    [Fact]
    public void The_first_page_matches_the_reference_image()
    {
        var page = RenderFirstPage(fx.Renderer, "reference");
        if (Environment.GetEnvironmentVariable("UPDATE_REFERENCE") == "1")
        {
            File.Copy(Directory.GetFiles(fx.Folder, "reference-page-*.pgm").Single(), ReferencePath, overwrite: true);
        }
        Assert.True(File.Exists(ReferencePath), $"{ReferencePath} is missing: run this test once with UPDATE_REFERENCE=1 and review the image");
        var share = page.DifferingShare(GreyImage.Read(ReferencePath), PixelThreshold);
        Assert.True(share <= MaxDifferingShare,
            $"{share:P2} of the pixels differ from the reference (at most {MaxDifferingShare:P2} allowed). If the change is intended, regenerate with UPDATE_REFERENCE=1 and review the image.");
    }

    [Fact]
    public void The_comparison_notices_a_seal_over_another_signature_line()
    {
        Assert.True(File.Exists(ReferencePath), $"{ReferencePath} is missing");
        var yaml = File.ReadAllText(CertificatePdfFixture.TemplatePath).Replace("  signatory: 2", "  signatory: 1", StringComparison.Ordinal);
        var path = Path.Combine(fx.Folder, "moved-seal.yaml");
        File.WriteAllText(path, yaml);
        var moved = new CertificatePdfRenderer(CertificateTemplate.Load(path), fx.Signer);
        var share = RenderFirstPage(moved, "moved").DifferingShare(GreyImage.Read(ReferencePath), PixelThreshold);
        Assert.True(share > MaxDifferingShare, $"only {share:P2} of the pixels differ");
    }

    [Fact]
    public void Pdftotext_reads_the_title_unbroken_and_the_seal_carries_the_chinese_name_along_its_ring()
    {
        var path = fx.Save(fx.Renderer.Render(Content), $"text-{Guid.NewGuid():N}");
        var lines = ExternalTool.Run("pdftotext", ["-enc", "UTF-8", path, "-"]).StdOut.Split('\n');
        // The body names the title once, the paper title once more: both on one line each, never split.
        Assert.Equal(2, lines.Sum(l => CountOf(l, "VIP客户服务经理")));
        Assert.DoesNotContain(lines, l => l.TrimEnd().EndsWith("VIP", StringComparison.Ordinal) || l.TrimEnd().EndsWith("VIP客", StringComparison.Ordinal));
        var seal = fx.Template.SealText!;
        Assert.DoesNotContain(seal, c => char.IsAsciiLetter(c));
        // The seal's name is drawn glyph by glyph, in reading order (its arc and rotation are checked by the reference image:
        // PdfPig reports these glyphs without the rotation the page applies to them).
        using var document = UglyToad.PdfPig.PdfDocument.Open(File.ReadAllBytes(path));
        Assert.Equal(seal.Length, Run(document.GetPage(1).Letters, seal).Count);
    }

    [Fact]
    public void Each_signatory_name_stands_above_its_line_and_the_title_below_it_uncovered()
    {
        var pdf = fx.Renderer.Render(Content);
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var letters = document.GetPage(1).Letters;
        Assert.NotEmpty(fx.Template.Signatories);
        foreach (var s in fx.Template.Signatories)
        {
            Assert.NotNull(s.Name);
            var name = Run(letters, s.Name!);
            var label = Run(letters, s.Label);
            // PdfPig's y grows upwards: the name's baseline is above the label's, in the same column.
            Assert.True(name[0].BoundingBox.Bottom > label[0].BoundingBox.Top + 10, $"{s.Name} is not above {s.Label}");
            Assert.True(Math.Abs(Center(name) - Center(label)) < 5, $"{s.Name} is not centred over {s.Label}");
        }
    }

    private static double Center(IReadOnlyList<Letter> run) => (run[0].BoundingBox.Left + run[^1].BoundingBox.Right) / 2;

    private static int CountOf(string line, string phrase)
    {
        var count = 0;
        for (var i = line.IndexOf(phrase, StringComparison.Ordinal); i >= 0; i = line.IndexOf(phrase, i + phrase.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    /// <summary>The letters spelling <paramref name="text"/> in drawing order (the seal's glyphs are single letters elsewhere).</summary>
    private static List<Letter> Run(IReadOnlyList<Letter> letters, string text)
    {
        for (var i = 0; i + text.Length <= letters.Count; i++)
        {
            var ok = true;
            for (var j = 0; j < text.Length && ok; j++) ok = letters[i + j].Value == text[j].ToString();
            if (ok) return letters.Skip(i).Take(text.Length).ToList();
        }
        Assert.Fail($"'{text}' is not on the page");
        return [];
    }
}
