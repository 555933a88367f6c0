using CertPlatform.Web.Content;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Papers;

namespace CertPlatform.UnitTests.Content;

public sealed class ContentReportPoolTests
{
    private static string Single(string id, string pool) => $"""
        - id: {id}
          type: single
          difficulty: 2
          anchor: body
          pool: {pool}
          stem: 选出正确的一项（{id}）。
          options:
          - text: 甲
          - text: 乙
            correct: true
          explanation: 因为乙。

        """;

    private static ContentReport Report(int secure, int practice, IReadOnlyList<BlueprintSection> blueprint)
    {
        var yaml = "lesson: p1-a\nquestions:\n" + string.Concat(Enumerable.Range(1, secure).Select(i => Single($"p1-a-s{i:00}", "secure")))
                   + string.Concat(Enumerable.Range(1, practice).Select(i => Single($"p1-a-p{i:00}", "practice")));
        using var f = new ContentFolder().Curriculum(("p1-a", "lessons/a.md")).File("lessons/a.md", ContentFolder.Lesson("p1-a")).File("questions/part1/a.yaml", yaml);
        var r = new ContentLoader().Load(f.Root);
        Assert.True(r.Ok, string.Join("\n", r.Problems));
        return ContentReport.Build(r.Curriculum!, r.Lessons, r.Questions, blueprint);
    }

    private static readonly BlueprintSection[] Blueprint = [new("单选", 2, 1m, PartId: "part1", Type: "Single")];

    [Fact]
    public void The_report_counts_both_pools_per_topic_part_type_and_lesson()
    {
        var report = Report(secure: 3, practice: 5, Blueprint);
        var topic = Assert.Single(report.Topics);
        Assert.Equal((8, 5, 3), (topic.ReadyQuestions, topic.ReadyPractice, topic.ReadySecure));
        Assert.Equal(new ContentPoolRow("part1", QuestionType.Single, 5, 3), Assert.Single(report.PoolsByPartAndType));
        Assert.Equal(new ContentLessonPoolRow("part1", "p1-a", 5, 3), Assert.Single(report.PoolsByLesson));
        Assert.Equal(3, report.Parts.Single().ReadySecure);
        Assert.Contains("8 ready questions: 5 practice, 3 secure", report.ToText());
    }

    [Fact]
    public void Certification_feasibility_needs_the_blueprint_twice_over_from_the_secure_pool_alone()
    {
        var shortReport = Report(secure: 3, practice: 20, Blueprint); // plenty of practice questions do not help
        Assert.False(shortReport.CertificationFeasible);
        Assert.Equal((4, 3), (shortReport.CertificationFeasibility.Single().Section.Count, shortReport.CertificationFeasibility.Single().Available));
        Assert.Contains("2 attempts without repeats: NOT FEASIBLE", shortReport.ToText());
        Assert.Contains("SHORT   单选: needs 4, secure pool has 3", shortReport.ToText());

        var enough = Report(secure: 4, practice: 0, Blueprint);
        Assert.True(enough.CertificationFeasible);
        Assert.Contains("2 attempts without repeats: FEASIBLE", enough.ToText());
        Assert.Null(Report(secure: 0, practice: 1, []).CertificationFeasible); // no blueprint: not checked
    }

    [Fact]
    public void The_content_report_command_exits_1_when_the_certification_blueprint_is_not_feasible()
    {
        // A one-lesson folder cannot fill the shipped certification blueprint from its secure pool.
        var yaml = "lesson: p1-a\nquestions:\n" + string.Concat(Enumerable.Range(1, 6).Select(i => Single($"p1-a-s{i:00}", "secure")));
        using var f = new ContentFolder().Curriculum(("p1-a", "lessons/a.md")).File("lessons/a.md", ContentFolder.Lesson("p1-a")).File("questions/part1/a.yaml", yaml);
        var stdout = new StringWriter();
        Assert.Equal(1, ContentCommands.Report(f.Root, stdout, new StringWriter()));
        Assert.Contains("NOT FEASIBLE", stdout.ToString());
    }

    /// <summary>
    /// THE SHIPPED BANK: reads content/questions and asserts that the certification blueprint can be drawn from its
    /// secure pool for two attempts without a repeat. It fails until the secure questions the content writers are
    /// adding have landed; run it after merging them.
    /// </summary>
    [Fact]
    public void Shipped_bank_secure_pool_allows_two_certification_attempts_without_repeats()
    {
        var r = new ContentLoader().Load(RepoPaths.Content);
        Assert.True(r.Ok, string.Join("\n", r.Errors));
        var report = ContentReport.Build(r.Curriculum!, r.Lessons, r.Questions, PaperSeeder.CertificationBlueprint);
        var shortfalls = report.CertificationFeasibility.Where(f => !f.Feasible).Select(f => $"{f.Section.Title}: needs {f.Section.Count}, secure pool has {f.Available}");
        Assert.True(report.CertificationFeasible == true, "secure pool too small: " + string.Join("; ", shortfalls));
    }
}
