using CertPlatform.Web.Infrastructure.Pdf;

namespace CertPlatform.UnitTests.Infrastructure.Pdf;

/// <summary>Line breaking with a fixed-advance measure: CJK characters 1 em, everything else 0.5 em.</summary>
public sealed class TextLayoutTests
{
    private static double Width(string s) => s.EnumerateRunes().Sum(r => r.Value >= 0x2E80 ? 1.0 : 0.5);

    /// <summary>Wraps at a fixed 10 pt into a line <paramref name="widthEm"/> em wide.</summary>
    private static IReadOnlyList<string> Lines(string text, double widthEm) =>
        TextLayout.Fit(text, widthEm * 10, 10_000, 10, 10, FitMode.WrapThenShrink, Width).Lines;

    [Fact]
    public void Chinese_breaks_between_any_two_characters()
    {
        Assert.Equal(["客户经理", "职业技能", "等级证书"], Lines("客户经理职业技能等级证书", 4));
    }

    [Fact]
    public void Latin_words_break_at_spaces_only()
    {
        Assert.Equal(["Customer", "Service", "Excellence"], Lines("Customer Service Excellence", 6));
    }

    [Fact]
    public void Closing_punctuation_never_starts_a_line_and_opening_never_ends_one()
    {
        var lines = Lines("考核合格，特发此证。经评定（四级）", 4);

        Assert.DoesNotContain(lines, l => "，。）".Contains(l[0]));
        Assert.DoesNotContain(lines, l => l[^1] == '（');
        Assert.Equal("考核合格，特发此证。经评定（四级）", string.Concat(lines));
    }

    [Fact]
    public void Mixed_text_keeps_every_character_and_breaks_a_url_that_is_wider_than_the_line()
    {
        const string text = "验证网址：https://certs.example.com/verify/CP-2026-000123";
        var lines = Lines(text, 10);

        Assert.Equal(text, string.Concat(lines));
        Assert.All(lines, l => Assert.True(Width(l) <= 10, l));
    }

    [Fact]
    public void Shrink_then_wrap_keeps_one_line_while_the_minimum_size_allows_it()
    {
        var fit = TextLayout.Fit("一二三四五六七八九十", width: 100, height: 100, maxSize: 20, minSize: 8, FitMode.ShrinkThenWrap, Width);

        Assert.Equal(10, fit.FontSize);
        Assert.Equal(["一二三四五六七八九十"], fit.Lines);
    }

    [Fact]
    public void Shrink_then_wrap_wraps_at_the_minimum_size_when_one_line_would_be_too_small()
    {
        var fit = TextLayout.Fit("一二三四五六七八九十", width: 50, height: 100, maxSize: 20, minSize: 10, FitMode.ShrinkThenWrap, Width);

        Assert.Equal(10, fit.FontSize);
        Assert.Equal(["一二三四五", "六七八九十"], fit.Lines);
        Assert.False(fit.Overflows);
    }

    [Fact]
    public void Text_that_cannot_fit_even_at_the_floor_is_reported_as_overflowing()
    {
        var fit = TextLayout.Fit(new string('字', 200), width: 10, height: 10, maxSize: 20, minSize: 10, FitMode.ShrinkThenWrap, Width);

        Assert.True(fit.Overflows);
        Assert.Equal(TextLayout.AbsoluteMinimumSize, fit.FontSize);
    }
}
