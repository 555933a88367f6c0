using CertPlatform.Web.Content;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Papers;

namespace CertPlatform.UnitTests.Content;

/// <summary>
/// The secure pool shipped in content/questions for parts 2 and 3: enough ready secure questions for two
/// certification attempts without a repeat, cases shaped like the practice cases, and true/false statements
/// that cannot be answered by always ticking one side.
/// </summary>
public sealed class ShippedSecurePoolTests
{
    private static readonly ContentLoadResult Shipped = new ContentLoader().Load(RepoPaths.Content);

    private static Dictionary<string, string> PartOfLesson() =>
        Shipped.Curriculum!.Parts
            .SelectMany(p => p.Chapters.SelectMany(c => c.Lessons).Select(l => (l.Id, Part: p.Id)))
            .ToDictionary(x => x.Id, x => x.Part);

    private static List<(Question Question, string PartId)> ReadySecure(string partId)
    {
        Assert.True(Shipped.Ok, string.Join("\n", Shipped.Errors));
        var partOf = PartOfLesson();
        return Shipped.Questions
            .Select(b => b.Question)
            .Where(q => q.Pool == QuestionPool.Secure && q.Status == QuestionStatus.Ready)
            .Select(q => (Question: q, PartId: partOf[q.LessonId]))
            .Where(x => x.PartId == partId)
            .ToList();
    }

    [Theory]
    [InlineData("part2")]
    [InlineData("part3")]
    public void Every_certification_section_of_the_part_can_be_drawn_twice_from_secure_questions_alone(string partId)
    {
        var candidates = ReadySecure(partId)
            .Select(x => new DrawCandidate(x.Question.Id, x.PartId, x.Question.LessonId, x.Question.Type.ToString(), x.Question.Difficulty, x.Question.Tags))
            .ToList();
        var sections = PaperSeeder.CertificationBlueprint.Where(s => s.PartId == partId).ToList();
        Assert.NotEmpty(sections);
        foreach (var s in sections)
        {
            var available = candidates.Count(s.Accepts);
            Assert.True(available >= 2 * s.Count, $"{s.Title}: {available} secure questions, two attempts need {2 * s.Count}");
        }
    }

    [Fact]
    public void Part_2_secure_cases_have_three_or_four_objective_parts()
    {
        QuestionType[] objective = [QuestionType.Single, QuestionType.Multiple, QuestionType.TrueFalse];
        var cases = ReadySecure("part2").Where(x => x.Question.Type == QuestionType.Case).Select(x => x.Question).ToList();
        Assert.NotEmpty(cases);
        foreach (var q in cases)
        {
            Assert.InRange(q.Parts.Count, 3, 4);
            Assert.All(q.Parts, p => Assert.Contains(p.Type, objective));
        }
    }

    [Theory]
    [InlineData("part2")]
    [InlineData("part3")]
    public void Secure_true_false_statements_are_40_to_60_percent_true(string partId)
    {
        var statements = ReadySecure(partId).Where(x => x.Question.Type == QuestionType.TrueFalse).Select(x => x.Question).ToList();
        Assert.True(statements.Count >= 8, $"{partId}: only {statements.Count} secure true/false statements");
        var share = (double)statements.Count(q => q.TrueFalseAnswer == true) / statements.Count;
        Assert.InRange(share, 0.4, 0.6);
    }
}
