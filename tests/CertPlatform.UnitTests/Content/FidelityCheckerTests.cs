using CertPlatform.Web.Content;

namespace CertPlatform.UnitTests.Content;

public sealed class FidelityCheckerTests
{
    private const string Seed = """
        一、客户分类
        客户分类是指按客户对企业旳价值来辨别客户,通过对客户进行细分,对高价值旳客户提供优先旳服务。
        u 提高中高端客户保有率
        服务旳特性包括生产和消费旳同步性,服务生产旳时候,顾客是在现场旳。
        """;

    private static readonly IReadOnlyList<Normalisation> Norms =
    [
        new("旳", "的", NormalisationKind.Ocr, "OCR", 1),
        new("辨别", "区分", NormalisationKind.Ocr, "synonym", 2),
        new("同步性", "同时性", NormalisationKind.Wording, "term", 3),
    ];

    private static List<FidelityFinding> Check(string body)
    {
        var text = "---\nid: p1-a\ntitle: 课\nobjectives: [a, b]\nsource: textbook\n---\n\n" + body;
        return new FidelityChecker(Seed, Norms).CheckLesson("lessons/a.md", text, LessonTextUnits.Parse(text)).ToList();
    }

    [Fact]
    public void Textbook_sentences_match_after_the_documented_normalisations()
    {
        Assert.Empty(Check("## 定义 {#definition}\n\n**客户分类**是指按客户对企业的价值来区分客户，通过对客户进行细分，对高价值的客户提供优先的服务。\n\n- 提高中高端客户保有率\n"));
    }

    [Fact]
    public void An_unexplained_wording_change_is_reported_with_the_seed_wording()
    {
        var f = Assert.Single(Check("## 定义 {#definition}\n\n客户分类是指按客户对企业的价值来划分客户，通过对客户进行细分，对高价值的客户提供优先的服务。\n"));
        Assert.Equal(("lessons/a.md", 10, "changed"), (f.File, f.Line, f.Kind));
        Assert.Contains("区分客户", f.Message); // the seed's wording (normalised) is shown
    }

    [Fact]
    public void Team_written_text_must_sit_in_a_supplement_block()
    {
        const string prose = "理解这个定义要抓住三个要素，缺一不可，这是我们自己写的说明。";
        var f = Assert.Single(Check($"## 定义 {{#definition}}\n\n{prose}\n"));
        Assert.Equal("unmarked", f.Kind);
        Assert.Empty(Check($"## 定义 {{#definition}}\n\n> 教学补充：{prose}\n>\n> {prose}\n"));
        Assert.Empty(Check($"## 定义 {{#definition}}\n\n| 要素 | 含义（教学补充） |\n|---|---|\n| 区分 | {prose} |\n"));
        Assert.Empty(Check($"## 例子 {{#case}}\n\n> 教学补充：以下为教学示例。\n\n{prose}\n\n### 小节 {{#sub}}\n\n{prose}\n"));
        Assert.Empty(Check($"## 要点小结 {{#key-points}}\n\n- {prose}\n"));
        // The section-wide marker ends at the next section of the same level.
        Assert.Single(Check($"## 例子 {{#case}}\n\n> 教学补充：以下为教学示例。\n\n{prose}\n\n## 其他 {{#other}}\n\n{prose}\n"));
        // "教材列出……：" introduces textbook text and is not itself compared.
        Assert.Empty(Check("## 作用 {#benefits}\n\n教材列出了客户分类的三个作用：\n\n- 提高中高端客户保有率\n"));
    }

    [Fact]
    public void A_wording_substitution_must_be_mentioned_once_in_the_lesson()
    {
        const string sentence = "服务的特性包括生产和消费的同时性，服务生产的时候，顾客是在现场的。";
        var f = Assert.Single(Check($"## 特性 {{#traits}}\n\n{sentence}\n"));
        Assert.Equal("wording", f.Kind);
        Assert.Contains("同步性", f.Message);
        Assert.Empty(Check($"## 特性 {{#traits}}\n\n{sentence}\n\n> 教学说明：生产和消费的同时性（教材作“同步性”）。\n"));
    }

    [Fact]
    public void The_shipped_lessons_pass_the_fidelity_check_apart_from_the_listed_pending_ones()
    {
        var content = new ContentLoader().Load(RepoPaths.Content);
        var problems = new List<ContentError>();
        var normalisations = SourceNormalisations.Load(RepoPaths.Content, problems);
        var pending = FidelityPending.Load(RepoPaths.Content, problems);
        Assert.Empty(problems);
        var outcome = FidelityPending.Split(ContentFidelity.Run(RepoPaths.Content, content, normalisations), pending);
        Assert.True(outcome.Failures.Count == 0, string.Join("\n", outcome.Failures));
        Assert.DoesNotContain("lessons/part2/customer-lifecycle.md", pending); // reconciled: stage descriptions are supplements
        Assert.True(pending.Count < content.Lessons.Values.Count(l => l.Provenance is ProvenanceKind.Textbook or ProvenanceKind.TextbookAndAuthored));
    }

    [Fact]
    public void A_pending_lesson_that_is_already_clean_fails_so_the_list_only_shrinks()
    {
        var outcome = FidelityPending.Split([new("lessons/b.md", 3, "unmarked", "x"), new("lessons/b.md", 4, "stem", "y")], ["lessons/a.md", "lessons/b.md"]);
        Assert.Equal(["stem", "pending"], outcome.Failures.Select(f => f.Kind));
        Assert.Contains("lessons/a.md", outcome.Failures[1].Message);
        Assert.Equal("unmarked", Assert.Single(outcome.Pending).Kind);
    }

    [Fact]
    public void Later_references_and_the_course_source_line_are_checked()
    {
        using var f = new ContentFolder()
            .Curriculum(("p1-a", "lessons/a.md"), ("p5-b", "lessons/b.md"))
            .File("lessons/a.md", ContentFolder.Lesson("p1-a", "## 正文 {#body}\n\n孩子上网课需要稳定的宽带。\n").Replace("source: textbook 第一部分 第一节 一", "source: authored — 教材仅列出此主题"))
            .File("lessons/b.md", ContentFolder.Lesson("p5-b").Replace("source: textbook 第一部分 第一节 一", "source: course 《某课程》 单元一（课程大纲列出要点）"));
        var content = new ContentLoader().Load(f.Root);
        Assert.True(content.Ok, string.Join("\n", content.Errors));
        var kinds = ContentFidelity.Run(f.Root, content, []).Select(x => (x.File, x.Kind)).ToList();
        Assert.Contains(("lessons/a.md", "later-reference"), kinds);
        Assert.Contains(("lessons/b.md", "source"), kinds);
    }
}
