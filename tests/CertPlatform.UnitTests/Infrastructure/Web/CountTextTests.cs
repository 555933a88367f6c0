using System.Globalization;
using CertPlatform.Web;
using CertPlatform.Web.Infrastructure.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CertPlatform.UnitTests.Infrastructure.Web;

public sealed class CountTextTests
{
    private static IStringLocalizer Localizer() =>
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)
            .Create(typeof(SharedResource));

    private static string In(string culture, Func<string> text)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            return text();
        }
        finally { (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current); }
    }

    [Theory]
    [InlineData(0, "0 questions")]
    [InlineData(1, "1 question")]
    [InlineData(2, "2 questions")]
    [InlineData(21, "21 questions")]
    public void English_takes_the_singular_for_exactly_one(int count, string expected) =>
        Assert.Equal(expected, In("en", () => Localizer().Plural(count, "共 {0} 道试题", count)));

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void Chinese_has_one_form_for_every_count(int count) =>
        Assert.Equal($"共 {count} 道试题", In("zh-CN", () => Localizer().Plural(count, "共 {0} 道试题", count)));

    [Fact]
    public void Without_arguments_the_unformatted_sentence_comes_back_for_content_formatting() =>
        Assert.Equal("{1} result for “{0}”", In("en", () => Localizer().Plural(1, "“{0}”共找到 {1} 处结果").Value));

    [Fact]
    public void A_sentence_without_a_singular_form_uses_its_only_form() =>
        // "选项 {0} 正确" names an option, not a count: it has no "#one" entry and reads the same for option 1.
        Assert.Equal("Option 1 is correct", In("en", () => Localizer().Plural(1, "选项 {0} 正确", 1)));

    [Theory]
    [InlineData("en", 1, true)]
    [InlineData("en-GB", 1, true)]
    [InlineData("en", 0, false)]
    [InlineData("en", -1, false)]
    [InlineData("fr", 1, true)]
    [InlineData("zh-CN", 1, false)]
    [InlineData("ja", 1, false)]
    public void The_singular_rule_follows_the_language(string culture, long count, bool one) =>
        Assert.Equal(one, CountText.IsOne(CultureInfo.GetCultureInfo(culture), count));
}
