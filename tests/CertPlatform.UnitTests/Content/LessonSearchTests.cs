using CertPlatform.Web.Content;

namespace CertPlatform.UnitTests.Content;

public sealed class LessonSearchTests
{
    private static Lesson Make(string id, string title, params (string Anchor, string Heading, string Text)[] sections) => new()
    {
        Id = id, Title = title, Objectives = ["x"], Source = "textbook", File = id + ".md", Html = "", Sections = [],
        TextBySection = sections,
    };

    private readonly LessonSearch _search = new([
        Make("p1-loyalty", "顾客忠诚度", ("types", "忠诚的类型", "顾客忠诚分为行为忠诚和态度忠诚两类。")),
        Make("p1-satisfaction", "顾客满意度", ("definition", "定义", "顾客满意度是顾客对产品的感知与期望比较后的感受。顾客忠诚以满意为基础。")),
        Make("p2-fab", "FAB销售法", ("intro", "概述", "FAB 即 Feature、Advantage、Benefit。<script>不应执行</script>")),
    ]);

    [Fact]
    public void Finds_two_character_chinese_words_that_trigram_indexes_miss()
    {
        var hits = _search.Find("忠诚");
        Assert.Equal(["p1-loyalty", "p1-satisfaction"], hits.Select(h => h.Lesson.Id));
        Assert.Equal("types", hits[0].Anchor);
    }

    [Fact]
    public void Single_characters_and_full_width_letters_match()
    {
        Assert.Contains(_search.Find("ｆａｂ"), h => h.Lesson.Id == "p2-fab");
        Assert.Contains(_search.Find("FEATURE"), h => h.Lesson.Id == "p2-fab");
        Assert.Equal(2, _search.Find("顾").Select(h => h.Lesson.Id).Distinct().Count());
    }

    [Fact]
    public void All_space_separated_terms_must_occur()
    {
        Assert.Equal(["p1-satisfaction"], _search.Find("忠诚 期望").Select(h => h.Lesson.Id));
        Assert.Equal(["p1-satisfaction"], _search.Find("忠诚　期望").Select(h => h.Lesson.Id)); // ideographic space
        Assert.Empty(_search.Find("忠诚 宽带"));
        Assert.Empty(_search.Find("   "));
    }

    [Fact]
    public void Title_matches_rank_first()
    {
        Assert.Equal("p1-satisfaction", _search.Find("满意").First().Lesson.Id);
    }

    [Fact]
    public void Snippets_are_html_encoded_with_marked_matches()
    {
        var hit = Assert.Single(_search.Find("Benefit"));
        Assert.Contains("<mark>Benefit</mark>", hit.SnippetHtml);
        Assert.Contains("&lt;script&gt;", hit.SnippetHtml);
        Assert.DoesNotContain("<script>", hit.SnippetHtml);
    }
}
