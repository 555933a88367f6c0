using CertPlatform.Web.Domain.Scores;

namespace CertPlatform.UnitTests.Domain.Scores;

public sealed class ScoreFormatTests
{
    [Theory]
    [InlineData("97", "97")]
    [InlineData("97.0", "97")]
    [InlineData("97.50", "97.5")]
    [InlineData("97.25", "97.25")]
    [InlineData("97.125", "97.13")]
    [InlineData("0", "0")]
    [InlineData("0.5", "0.5")]
    [InlineData("1234.5", "1234.5")]
    public void Numbers_read_like_people_write_them(string value, string expected) =>
        Assert.Equal(expected, ScoreFormat.Number(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_missing_score_is_a_dash() => Assert.Equal("—", ScoreFormat.Number((decimal?)null));

    [Fact]
    public void Out_of_shows_both_numbers_without_trailing_zeros()
    {
        Assert.Equal("85.5 / 100", ScoreFormat.OutOf(85.50m, 100.0m));
        Assert.Equal("—", ScoreFormat.OutOf((decimal?)null, 100m));
    }

    [Fact]
    public void The_decimal_separator_is_a_point_whatever_the_thread_culture()
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal("60.5", ScoreFormat.Number(60.5m));
        }
        finally { System.Globalization.CultureInfo.CurrentCulture = before; }
    }
}
