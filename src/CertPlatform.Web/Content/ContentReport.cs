namespace CertPlatform.Web.Content;

/// <summary>Lessons per part and curriculum-topic coverage (CURRICULUM.md topics listed in curriculum.yaml).</summary>
public sealed record ContentReport(
    IReadOnlyList<ContentReport.PartRow> Parts,
    IReadOnlyList<ContentReport.TopicRow> Topics)
{
    public sealed record PartRow(string PartId, string Title, int Chapters, int Lessons, int Textbook, int Authored, int CourseOutline, int Characters);
    public sealed record TopicRow(string Topic, IReadOnlyList<string> LessonIds)
    {
        public bool Missing => LessonIds.Count == 0;
    }

    public IEnumerable<TopicRow> MissingTopics => Topics.Where(t => t.Missing);

    public static ContentReport Build(Curriculum curriculum, IReadOnlyDictionary<string, Lesson> lessons)
    {
        var parts = curriculum.Parts.Select(p =>
        {
            var ls = p.Lessons.Where(l => lessons.ContainsKey(l.Id)).Select(l => lessons[l.Id]).ToList();
            return new PartRow(p.Id, p.Title, p.Chapters.Count, ls.Count,
                ls.Count(l => l.Provenance is ProvenanceKind.Textbook or ProvenanceKind.TextbookAndAuthored),
                ls.Count(l => l.Provenance == ProvenanceKind.Authored),
                ls.Count(l => l.Provenance == ProvenanceKind.CourseOutline),
                ls.Sum(l => l.TextBySection.Sum(s => s.Text.Length)));
        }).ToList();
        var refs = curriculum.Parts.SelectMany(p => p.Lessons).Where(l => lessons.ContainsKey(l.Id)).ToList();
        var topics = curriculum.Coverage
            .Select(t => new TopicRow(t, refs.Where(r => r.Topics.Contains(t)).Select(r => r.Id).ToList()))
            .ToList();
        return new ContentReport(parts, topics);
    }

    public string ToText()
    {
        var w = new StringWriter();
        w.WriteLine("Lessons per part");
        w.WriteLine($"{"part",-8} {"lessons",7} {"textbook",8} {"authored",8} {"course",6} {"chars",8}  title");
        foreach (var p in Parts)
            w.WriteLine($"{p.PartId,-8} {p.Lessons,7} {p.Textbook,8} {p.Authored,8} {p.CourseOutline,6} {p.Characters,8}  {p.Title}");
        w.WriteLine($"{"total",-8} {Parts.Sum(p => p.Lessons),7} {Parts.Sum(p => p.Textbook),8} {Parts.Sum(p => p.Authored),8} {Parts.Sum(p => p.CourseOutline),6} {Parts.Sum(p => p.Characters),8}");
        w.WriteLine();
        w.WriteLine($"Curriculum topics: {Topics.Count}, covered: {Topics.Count(t => !t.Missing)}, without a lesson: {MissingTopics.Count()}");
        foreach (var t in Topics)
            w.WriteLine($"  {(t.Missing ? "MISSING" : "ok     ")} {t.Topic} -> {(t.Missing ? "-" : string.Join(", ", t.LessonIds))}");
        return w.ToString();
    }
}
