using CertPlatform.Web.Content;

namespace CertPlatform.UnitTests.Content;

public sealed class ContentLoaderTests
{
    private static ContentLoadResult Load(ContentFolder folder) => new ContentLoader().Load(folder.Root);

    [Fact]
    public void Loads_a_valid_curriculum_with_order_parts_and_topics()
    {
        using var f = new ContentFolder()
            .Curriculum(("p1-a", "lessons/a.md"), ("p1-b", "lessons/b.md"))
            .File("lessons/a.md", ContentFolder.Lesson("p1-a"))
            .File("lessons/b.md", ContentFolder.Lesson("p1-b"));
        var r = Load(f);
        Assert.True(r.Ok, string.Join("\n", r.Problems));
        Assert.Equal("测试课程", r.Curriculum!.Title);
        var part = Assert.Single(r.Curriculum.Parts);
        Assert.Equal(100, part.Weight);
        Assert.Equal(["p1-a", "p1-b"], part.Lessons.Select(l => l.Id));
        Assert.Equal("part1", r.Lessons["p1-b"].PartId);
        Assert.Equal(["主题一"], r.Lessons["p1-a"].Topics);
        var catalog = new ContentCatalog(r.Curriculum, r.Lessons, f.Root);
        Assert.Equal(("p1-a", (string?)null), (catalog.Neighbours("p1-b").Previous!.Id, catalog.Neighbours("p1-b").Next?.Id));
    }

    [Fact]
    public void Missing_lesson_file_is_reported_at_its_curriculum_line()
    {
        using var f = new ContentFolder().Curriculum(("p1-a", "lessons/a.md"));
        var error = Assert.Single(Load(f).Errors);
        Assert.Equal("curriculum.yaml:12: lesson 'p1-a': file 'lessons/a.md' not found", error.ToString());
    }

    [Fact]
    public void Duplicate_ids_are_reported_with_both_lines()
    {
        using var f = new ContentFolder()
            .Curriculum(("p1-a", "lessons/a.md"), ("p1-a", "lessons/b.md"))
            .File("lessons/a.md", ContentFolder.Lesson("p1-a"))
            .File("lessons/b.md", ContentFolder.Lesson("p1-a"));
        Assert.Contains(Load(f).Errors, e => e.ToString() == "curriculum.yaml:15: duplicate id 'p1-a' (first used on line 12)");
    }

    [Fact]
    public void Front_matter_id_must_match_the_curriculum()
    {
        using var f = new ContentFolder().Curriculum(("p1-a", "lessons/a.md")).File("lessons/a.md", ContentFolder.Lesson("p1-other"));
        Assert.Contains(Load(f).Errors, e => e.ToString().StartsWith("lessons/a.md:2: front matter id 'p1-other' does not match the id 'p1-a' given in curriculum.yaml line 12"));
    }

    [Fact]
    public void Broken_lesson_links_and_anchors_are_reported_at_the_link_line()
    {
        using var f = new ContentFolder()
            .Curriculum(("p1-a", "lessons/a.md"), ("p1-b", "lessons/b.md"))
            .File("lessons/a.md", ContentFolder.Lesson("p1-a", "## 正文 {#body}\n\n见[不存在](lesson:p9-none)。\n\n见[b](lesson:p1-b#nowhere)和[b](lesson:p1-b#body)。\n"))
            .File("lessons/b.md", ContentFolder.Lesson("p1-b"));
        var errors = Load(f).Errors.Select(e => e.ToString()).ToList();
        Assert.Equal(
            ["lessons/a.md:12: broken link: lesson 'p9-none' does not exist", "lessons/a.md:14: broken link: lesson 'p1-b' has no anchor '#nowhere'"],
            errors);
    }

    [Fact]
    public void Bad_curriculum_yaml_is_reported_with_its_line()
    {
        using var f = new ContentFolder().File("curriculum.yaml", "title: x\nparts:\n  - id: part1\n    title: [oops\n");
        var e = Assert.Single(Load(f).Errors);
        Assert.Equal("curriculum.yaml", e.File);
        Assert.StartsWith("invalid YAML", e.Message);
        Assert.InRange(e.Line, 4, 5);
    }

    [Fact]
    public void Missing_curriculum_file_is_reported()
    {
        using var f = new ContentFolder();
        Assert.Equal("curriculum.yaml:0: file not found", Assert.Single(Load(f).Errors).ToString());
    }

    [Fact]
    public void Structural_problems_name_what_is_missing()
    {
        using var f = new ContentFolder().File("curriculum.yaml",
            "title: x\nparts:\n  - id: part1\n    title: P\n    chapters:\n      - id: ch1\n        title: C\n        lessons:\n          - id: p1-a\n");
        Assert.Contains(Load(f).Errors, e => e.ToString() == "curriculum.yaml:9: lesson 'p1-a': missing 'file'");
    }

    [Fact]
    public void Unknown_topic_and_uncovered_topic_are_errors()
    {
        using var f = new ContentFolder()
            .File("curriculum.yaml", "title: x\nparts:\n  - id: part1\n    title: P\n    chapters:\n      - id: ch1\n        title: C\n        lessons:\n          - id: p1-a\n            file: lessons/a.md\n            topics: [错别字主题]\ncoverage:\n  - 正确主题\n")
            .File("lessons/a.md", ContentFolder.Lesson("p1-a"));
        var errors = Load(f).Errors.Select(e => e.ToString()).ToList();
        Assert.Contains("curriculum.yaml:11: lesson 'p1-a': topic '错别字主题' is not in the 'coverage' list", errors);
        Assert.Contains("curriculum.yaml:13: curriculum topic '正确主题' has no lesson (no lesson lists it under 'topics')", errors);
    }

    [Fact]
    public void Lesson_files_not_in_the_curriculum_are_warnings()
    {
        using var f = new ContentFolder().Curriculum(("p1-a", "lessons/a.md"))
            .File("lessons/a.md", ContentFolder.Lesson("p1-a"))
            .File("lessons/orphan.md", ContentFolder.Lesson("p1-orphan"));
        var r = Load(f);
        Assert.True(r.Ok);
        Assert.Equal("lessons/orphan.md:1: warning: lesson file is not listed in curriculum.yaml", Assert.Single(r.Warnings).ToString());
    }

    [Fact]
    public void Lint_command_prints_file_line_errors_and_fails()
    {
        using var f = new ContentFolder().Curriculum(("p1-a", "lessons/a.md"));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.Equal(1, ContentCommands.Lint(f.Root, stdout, stderr));
        Assert.Contains("curriculum.yaml:12: lesson 'p1-a': file 'lessons/a.md' not found", stderr.ToString());
    }

    [Fact]
    public void The_shipped_content_lints_clean_and_covers_every_topic()
    {
        var root = RepoPaths.Content;
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = ContentCommands.Lint(root, stdout, stderr);
        Assert.True(exit == 0, stderr.ToString());
        var r = new ContentLoader().Load(root);
        Assert.Empty(r.Warnings);
        var report = ContentReport.Build(r.Curriculum!, r.Lessons, r.Questions);
        Assert.Empty(report.MissingTopics);
        Assert.Empty(report.TopicsBelowQuestionMinimum);
        Assert.True(r.Questions.Count >= 600, $"{r.Questions.Count} questions");
        Assert.All(Enum.GetValues<CertPlatform.Web.Domain.Questions.QuestionType>(), t => Assert.True(report.QuestionsByType[t] > 0, $"no {t} questions"));
        Assert.True(r.Lessons.Count >= 70);
        Assert.Equal(5, report.Parts.Count);
    }
}
