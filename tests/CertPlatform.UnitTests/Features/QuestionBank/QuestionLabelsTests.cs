using System.Globalization;
using CertPlatform.Web;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank;
using CertPlatform.Web.Features.QuestionBank.Formats;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CertPlatform.UnitTests.Features.QuestionBank;

/// <summary>
/// Issue 10 item 11: every question type and status has a Chinese name (the localisation key), so no page falls back
/// to the enum's English name (Single, TrueFalse, Ready, essay…).
/// </summary>
public sealed class QuestionLabelsTests
{
    /// <summary>Answers each key with itself: what the Chinese UI shows.</summary>
    private sealed class KeysAsText : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);
        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(name, arguments));
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    private static bool IsChinese(string s) => s.Length > 0 && s.All(c => c is >= '\u4e00' and <= '\u9fff');

    [Fact]
    public void Every_question_type_has_a_distinct_chinese_short_and_full_name()
    {
        var L = new KeysAsText();
        var types = Enum.GetValues<QuestionType>();
        Assert.All(types, t => Assert.True(IsChinese(L.Label(t)) && IsChinese(L.FullLabel(t)), $"{t}: {L.Label(t)} / {L.FullLabel(t)}"));
        Assert.Equal(types.Length, types.Select(t => L.Label(t)).Distinct().Count());
        Assert.Equal(types.Length, types.Select(t => L.FullLabel(t)).Distinct().Count());
        Assert.Equal("问答题", L.FullLabel(QuestionType.Essay));
    }

    [Fact]
    public void Every_question_status_has_a_distinct_chinese_name()
    {
        var L = new KeysAsText();
        var statuses = Enum.GetValues<QuestionStatus>();
        Assert.All(statuses, s => Assert.True(IsChinese(L.Label(s)), $"{s}: {L.Label(s)}"));
        Assert.Equal(statuses.Length, statuses.Select(s => L.Label(s)).Distinct().Count());
    }

    [Theory]
    [InlineData("single", QuestionType.Single)]
    [InlineData("trueFalse", QuestionType.TrueFalse)]
    [InlineData("case", QuestionType.Case)]
    public void A_question_views_api_type_name_reads_back_as_its_enum(string apiName, QuestionType type)
    {
        Assert.Equal(apiName, QuestionViews.TypeName(type));
        var view = new QuestionView(0, "q", apiName, 1, 0, "题干", null, [], 0, [], [], [], null, []);
        Assert.Equal(type, view.Kind());
    }

    [Theory]
    [InlineData("zh-CN", "多选", "单选题")]
    [InlineData("en", "Multiple choice", "single-choice")]
    public void An_import_message_names_the_type_as_the_pages_do(string culture, string typeName, string single)
    {
        var resources = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)
            .Create(typeof(SharedResource));
        var multiple = new Question { Id = "m", Type = QuestionType.Multiple, Stem = "多选", Options = [new("甲", true), new("乙", true), new("丙", false)] };
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            var reason = Assert.Single(AikenFormat.Write([multiple]).Skipped).Reason.Localize(resources);
            Assert.Equal(typeName, resources.Label(QuestionType.Multiple));
            Assert.Contains(single, reason);
            Assert.Contains(resources.Label(QuestionType.Multiple), reason);
        }
        finally { (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current); }
    }
}
