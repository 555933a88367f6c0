using CertPlatform.Web.Infrastructure.Pdf;

namespace CertPlatform.UnitTests.Infrastructure.Pdf;

/// <summary>Issue 15.6: the certification title ("VIP客户服务经理") never breaks across lines; the text shrinks instead.</summary>
public sealed class TextLayoutKeepTogetherTests
{
    private static double Width(string s) => s.EnumerateRunes().Sum(r => r.Value >= 0x2E80 ? 1.0 : 0.5);

    private const string Title = "VIP客户服务经理";
    private const string Body = "经评定达到VIP客户服务经理职业技能等级（四级）要求，特发此证。";

    [Fact]
    public void Without_protection_the_greedy_break_falls_inside_the_title()
    {
        // The premise of the next test: at 10 em per line the first line ends after "VIP客".
        var lines = TextLayout.Fit(Body, 100, 10_000, 10, 10, FitMode.WrapThenShrink, Width).Lines;
        Assert.DoesNotContain(lines, l => l.Contains(Title, StringComparison.Ordinal));
    }

    [Fact]
    public void A_kept_phrase_moves_to_the_next_line_whole()
    {
        var fit = TextLayout.Fit(Body, 100, 10_000, 10, 10, FitMode.WrapThenShrink, Width, [Title, "四级"]);
        Assert.Single(fit.Lines, l => l.Contains(Title, StringComparison.Ordinal));
        Assert.Equal(Body, string.Concat(fit.Lines));
        Assert.Equal(10, fit.FontSize);
    }

    [Fact]
    public void A_kept_phrase_wider_than_the_line_shrinks_the_text_instead_of_breaking()
    {
        // 7.5 em of title in a 60 pt line: it fits only at 8 pt or less, so the text shrinks from 10 pt.
        var fit = TextLayout.Fit(Title, 60, 10_000, 10, 5, FitMode.WrapThenShrink, Width, [Title]);
        Assert.Equal([Title], fit.Lines);
        Assert.True(fit.FontSize <= 8, $"font size {fit.FontSize}");
        Assert.False(fit.Overflows);
    }

    [Fact]
    public void Punctuation_around_a_kept_phrase_stays_with_it()
    {
        var tokens = TextLayout.Tokenize("达到《VIP客户服务经理》，要求", [Title]);
        Assert.Contains(tokens, t => t.Keep && t.Text == "《VIP客户服务经理》，");
    }
}
