namespace CertPlatform.Web.Content;

/// <summary>The loaded curriculum and lessons in reading order; immutable after start-up.</summary>
public sealed class ContentCatalog
{
    private readonly Dictionary<string, int> _index;

    public ContentCatalog(Curriculum curriculum, IReadOnlyDictionary<string, Lesson> lessons, string rootPath, IReadOnlyList<BankQuestion>? questions = null)
    {
        Questions = questions ?? [];
        Curriculum = curriculum;
        RootPath = rootPath;
        Ordered = curriculum.Parts.SelectMany(p => p.Lessons)
            .Where(l => lessons.ContainsKey(l.Id))
            .Select(l => lessons[l.Id])
            .ToList();
        _index = Ordered.Select((l, i) => (l.Id, i)).ToDictionary(x => x.Id, x => x.i);
        Search = new LessonSearch(Ordered);
    }

    public Curriculum Curriculum { get; }
    public string RootPath { get; }
    public IReadOnlyList<Lesson> Ordered { get; }
    public LessonSearch Search { get; }
    /// <summary>The shipped question bank as loaded from content/questions (the seed for the database bank).</summary>
    public IReadOnlyList<BankQuestion> Questions { get; }

    public ContentReport Report() => ContentReport.Build(Curriculum, Ordered.ToDictionary(l => l.Id), Questions, Features.Papers.PaperSeeder.CertificationBlueprint);

    public Lesson? Find(string id) => _index.TryGetValue(id, out var i) ? Ordered[i] : null;

    public (Lesson? Previous, Lesson? Next) Neighbours(string id)
    {
        if (!_index.TryGetValue(id, out var i)) return (null, null);
        return (i > 0 ? Ordered[i - 1] : null, i + 1 < Ordered.Count ? Ordered[i + 1] : null);
    }

    public CurriculumPart PartOf(Lesson lesson) => Curriculum.Parts.First(p => p.Id == lesson.PartId);

    public CurriculumChapter ChapterOf(Lesson lesson) =>
        PartOf(lesson).Chapters.First(c => c.Id == lesson.ChapterId);
}
