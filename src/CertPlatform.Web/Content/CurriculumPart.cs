namespace CertPlatform.Web.Content;

public sealed record CurriculumPart(string Id, string Title, int Weight, IReadOnlyList<CurriculumChapter> Chapters)
{
    public IEnumerable<CurriculumLessonRef> Lessons => Chapters.SelectMany(c => c.Lessons);
}
