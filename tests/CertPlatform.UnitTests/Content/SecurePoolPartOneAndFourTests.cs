using CertPlatform.Web.Content;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Papers;

namespace CertPlatform.UnitTests.Content;

/// <summary>
/// The shipped secure pool (questions reserved for certification) of Parts 1 and 4 is large enough for two
/// certification attempts that share no question, and every lesson of those parts contributes to it.
/// </summary>
public sealed class SecurePoolPartOneAndFourTests
{
    private const int Attempts = 2;

    private static readonly ContentLoadResult Shipped = new ContentLoader().Load(RepoPaths.Content);

    private static List<Question> ReadySecure(string partId) =>
        Shipped.Questions.Select(b => b.Question)
            .Where(q => q.Pool == QuestionPool.Secure && q.Status == QuestionStatus.Ready)
            .Where(q => Shipped.Lessons.TryGetValue(q.LessonId, out var l) && l.PartId == partId)
            .ToList();

    [Theory]
    [InlineData("part1")]
    [InlineData("part4")]
    public void Each_certification_section_of_the_part_has_enough_secure_questions_for_two_attempts(string partId)
    {
        Assert.True(Shipped.Ok, string.Join("\n", Shipped.Errors));
        var secure = ReadySecure(partId);
        var sections = PaperSeeder.CertificationBlueprint.Where(s => s.PartId == partId).ToList();
        Assert.NotEmpty(sections);
        var shortfalls = sections
            .Select(s => (s.Title, Needed: Attempts * s.Count, Available: secure.Count(q => q.Type.ToString() == s.Type)))
            .Where(x => x.Available < x.Needed)
            .Select(x => $"{x.Title}: {x.Available} secure questions, {x.Needed} needed")
            .ToList();
        Assert.True(shortfalls.Count == 0, string.Join("\n", shortfalls));
    }

    [Theory]
    [InlineData("part1")]
    [InlineData("part4")]
    public void Every_lesson_of_the_part_has_secure_questions(string partId)
    {
        var withSecure = ReadySecure(partId).Select(q => q.LessonId).ToHashSet();
        var lessons = Shipped.Lessons.Values.Where(l => l.PartId == partId).Select(l => l.Id).ToList();
        Assert.NotEmpty(lessons);
        var missing = lessons.Where(id => !withSecure.Contains(id)).ToList();
        Assert.True(missing.Count == 0, "lessons without secure questions: " + string.Join(", ", missing));
    }
}
