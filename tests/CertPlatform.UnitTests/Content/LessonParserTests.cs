using CertPlatform.Web.Content;

namespace CertPlatform.UnitTests.Content;

public sealed class LessonParserTests
{
    private readonly LessonParser _parser = new();

    [Fact]
    public void Parses_front_matter_sections_and_renders_anchored_headings()
    {
        var text = ContentFolder.Lesson("p1-a", "## 定义 {#definition}\n\n客户分类是指……\n\n### 细节 {#detail}\n\n更多。\n", "minutes: 12\n");
        var r = _parser.Parse("lessons/a.md", text);
        Assert.Empty(r.Errors);
        var lesson = r.Lesson!;
        Assert.Equal("p1-a", lesson.Id);
        Assert.Equal("课程p1-a", lesson.Title);
        Assert.Equal(["目标一", "目标二"], lesson.Objectives);
        Assert.Equal(12, lesson.Minutes);
        Assert.Equal(ProvenanceKind.Textbook, lesson.Provenance);
        Assert.Equal(["definition", "detail", "key-points"], lesson.Sections.Select(s => s.Anchor));
        Assert.Equal(11, lesson.Sections[0].Line); // line numbers are file lines (front matter counted)
        Assert.Contains("<h2 id=\"definition\">定义</h2>", lesson.Html);
        Assert.Contains(lesson.TextBySection, s => s.Anchor == "definition" && s.Text.Contains("客户分类是指"));
    }

    [Theory]
    [InlineData("authored — 教材仅列出此主题", ProvenanceKind.Authored)]
    [InlineData("textbook+authored 第二部分", ProvenanceKind.TextbookAndAuthored)]
    [InlineData("course 《中高端存量客户保有和争夺策略》", ProvenanceKind.CourseOutline)]
    public void Provenance_kind_follows_the_source_prefix(string source, ProvenanceKind kind)
    {
        var text = ContentFolder.Lesson("p1-a").Replace("source: textbook 第一部分 第一节 一", "source: " + source);
        Assert.Equal(kind, _parser.Parse("a.md", text).Lesson!.Provenance);
    }

    [Fact]
    public void Missing_front_matter_is_reported_on_line_1()
    {
        var r = _parser.Parse("lessons/x.md", "# 标题\n正文\n");
        Assert.Null(r.Lesson);
        Assert.Equal("lessons/x.md:1: missing front matter: the file must start with a '---' line", Assert.Single(r.Errors).ToString());
    }

    [Fact]
    public void Unclosed_front_matter_is_reported()
    {
        var r = _parser.Parse("x.md", "---\nid: a\ntitle: b\n");
        Assert.Contains("front matter is not closed", Assert.Single(r.Errors).Message);
    }

    [Fact]
    public void Bad_yaml_is_reported_with_the_file_line_of_the_problem()
    {
        var r = _parser.Parse("x.md", "---\nid: a\ntitle: [unclosed\nobjectives:\n  - x\n---\nbody\n");
        var e = Assert.Single(r.Errors);
        Assert.StartsWith("invalid YAML", e.Message);
        Assert.InRange(e.Line, 3, 5);
    }

    [Fact]
    public void Missing_required_keys_are_each_reported()
    {
        var r = _parser.Parse("x.md", "---\nminutes: 3\n---\n\n## 要点小结 {#key-points}\n");
        var messages = r.Errors.Select(e => e.Message).ToList();
        Assert.Contains("front matter: missing 'id'", messages);
        Assert.Contains("front matter: missing 'title'", messages);
        Assert.Contains(messages, m => m.StartsWith("front matter: missing 'source'"));
        Assert.Contains(messages, m => m.StartsWith("front matter: 'objectives' must be"));
    }

    [Fact]
    public void Bad_ids_sources_and_minutes_are_reported_on_their_lines()
    {
        var text = "---\nid: Bad_ID\ntitle: t\nobjectives: [a]\nsource: from a blog\nminutes: soon\n---\n\n## 要点小结 {#key-points}\n";
        var errors = _parser.Parse("x.md", text).Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(errors, e => e.StartsWith("x.md:2: front matter: id 'Bad_ID'"));
        Assert.Contains(errors, e => e.StartsWith("x.md:5: front matter: 'source' must start with"));
        Assert.Contains(errors, e => e.StartsWith("x.md:6: front matter: 'minutes'"));
    }

    [Fact]
    public void Section_without_anchor_duplicate_anchor_and_level_one_heading_are_errors_with_lines()
    {
        var body = "# 不该有的标题\n\n## 没有锚点\n\n## 甲 {#same}\n\n## 乙 {#same}\n\n## 坏锚点 {#Bad Anchor}\n";
        var errors = _parser.Parse("l.md", ContentFolder.Lesson("p1-a", body)).Errors.Select(e => e.ToString()).ToList();
        Assert.Contains("l.md:10: level-1 heading in the body: the title comes from front matter; use '##' for sections", errors);
        Assert.Contains(errors, e => e.StartsWith("l.md:12: section '没有锚点' has no anchor"));
        Assert.Contains("l.md:16: duplicate anchor 'same' (first used on line 14)", errors);
        Assert.Contains(errors, e => e.StartsWith("l.md:18: "));
    }

    [Fact]
    public void Missing_key_points_section_is_an_error()
    {
        var text = "---\nid: a\ntitle: t\nobjectives: [x]\nsource: authored\n---\n\n## 正文 {#body}\n";
        Assert.Contains(_parser.Parse("x.md", text).Errors, e => e.Message.StartsWith("missing key-points summary"));
    }

    [Fact]
    public void Lesson_links_are_rewritten_and_collected_with_their_line()
    {
        var r = _parser.Parse("x.md", ContentFolder.Lesson("p1-a", "## 正文 {#body}\n\n见[生命周期](lesson:p2-life#stages)和[SWOT](lesson:p1-swot)。\n"));
        Assert.Empty(r.Errors);
        Assert.Equal([new LessonLink("x.md", 12, "p2-life", "stages"), new LessonLink("x.md", 12, "p1-swot", null)], r.Links);
        Assert.Contains("href=\"/lessons/p2-life#stages\"", r.Lesson!.Html);
        Assert.Contains("href=\"/lessons/p1-swot\"", r.Lesson.Html);
    }

    [Fact]
    public void Raw_html_is_a_warning_and_never_survives_rendering()
    {
        var body = "## 正文 {#body}\n\n<script>alert(1)</script>\n\n<img src=x onerror=\"alert(2)\">\n\n[点我](javascript:alert(3))\n\n<a href=\"javascript:alert(4)\">raw</a>\n\n<iframe src=\"https://evil.example\"></iframe>\n";
        var r = _parser.Parse("x.md", ContentFolder.Lesson("p1-a", body));
        Assert.NotNull(r.Lesson);
        Assert.All(r.Errors, e => Assert.True(e.IsWarning));
        Assert.NotEmpty(r.Errors);
        var html = r.Lesson!.Html;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
    }
}
