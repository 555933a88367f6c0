using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Content;

/// <summary>
/// Lessons per part, curriculum-topic coverage (the curriculum map's topics, listed in curriculum.yaml) and
/// the shipped question bank per topic, type and difficulty.
/// </summary>
public sealed record ContentReport(
    IReadOnlyList<ContentReport.PartRow> Parts,
    IReadOnlyList<ContentReport.TopicRow> Topics,
    IReadOnlyDictionary<QuestionType, int> QuestionsByType,
    IReadOnlyDictionary<int, int> QuestionsByDifficulty)
{
    /// <summary>Every curriculum topic needs at least this many ready questions.</summary>
    public const int MinimumReadyQuestionsPerTopic = 5;

    public sealed record PartRow(string PartId, string Title, int Chapters, int Lessons, int Textbook, int Authored, int CourseOutline, int Characters, int ReadyQuestions);
    public sealed record TopicRow(string Topic, IReadOnlyList<string> LessonIds, int ReadyQuestions)
    {
        public bool Missing => LessonIds.Count == 0;
        public bool BelowQuestionMinimum => ReadyQuestions < MinimumReadyQuestionsPerTopic;
    }

    public IEnumerable<TopicRow> MissingTopics => Topics.Where(t => t.Missing);
    public IEnumerable<TopicRow> TopicsBelowQuestionMinimum => Topics.Where(t => t.BelowQuestionMinimum);
    public int ReadyQuestions => Parts.Sum(p => p.ReadyQuestions);

    public static ContentReport Build(Curriculum curriculum, IReadOnlyDictionary<string, Lesson> lessons, IReadOnlyList<BankQuestion> questions)
    {
        var ready = questions.Select(b => b.Question).Where(q => q.Status == QuestionStatus.Ready).ToList();
        var readyByLesson = ready.GroupBy(q => q.LessonId).ToDictionary(g => g.Key, g => g.Count());
        int ReadyFor(string lessonId) => readyByLesson.GetValueOrDefault(lessonId);

        var parts = curriculum.Parts.Select(p =>
        {
            var ls = p.Lessons.Where(l => lessons.ContainsKey(l.Id)).Select(l => lessons[l.Id]).ToList();
            return new PartRow(p.Id, p.Title, p.Chapters.Count, ls.Count,
                ls.Count(l => l.Provenance is ProvenanceKind.Textbook or ProvenanceKind.TextbookAndAuthored),
                ls.Count(l => l.Provenance == ProvenanceKind.Authored),
                ls.Count(l => l.Provenance == ProvenanceKind.CourseOutline),
                ls.Sum(l => l.TextBySection.Sum(s => s.Text.Length)),
                ls.Sum(l => ReadyFor(l.Id)));
        }).ToList();
        var refs = curriculum.Parts.SelectMany(p => p.Lessons).Where(l => lessons.ContainsKey(l.Id)).ToList();
        var topics = curriculum.Coverage.Select(t =>
        {
            var ids = refs.Where(r => r.Topics.Contains(t)).Select(r => r.Id).ToList();
            return new TopicRow(t, ids, ids.Sum(ReadyFor));
        }).ToList();
        var byType = Enum.GetValues<QuestionType>().ToDictionary(t => t, t => ready.Count(q => q.Type == t));
        var byDifficulty = Enumerable.Range(1, 5).ToDictionary(d => d, d => ready.Count(q => q.Difficulty == d));
        return new ContentReport(parts, topics, byType, byDifficulty);
    }

    public string ToText()
    {
        var w = new StringWriter();
        w.WriteLine("Lessons per part");
        w.WriteLine($"{"part",-8} {"lessons",7} {"textbook",8} {"authored",8} {"course",6} {"chars",8} {"ready Qs",8}  title");
        foreach (var p in Parts)
            w.WriteLine($"{p.PartId,-8} {p.Lessons,7} {p.Textbook,8} {p.Authored,8} {p.CourseOutline,6} {p.Characters,8} {p.ReadyQuestions,8}  {p.Title}");
        w.WriteLine($"{"total",-8} {Parts.Sum(p => p.Lessons),7} {Parts.Sum(p => p.Textbook),8} {Parts.Sum(p => p.Authored),8} {Parts.Sum(p => p.CourseOutline),6} {Parts.Sum(p => p.Characters),8} {ReadyQuestions,8}");
        w.WriteLine();
        w.WriteLine("Ready questions by type: " + string.Join(", ", QuestionsByType.Select(kv => $"{kv.Key.ToString().ToLowerInvariant()} {kv.Value}")));
        w.WriteLine("Ready questions by difficulty: " + string.Join(", ", QuestionsByDifficulty.Select(kv => $"{kv.Key}: {kv.Value}")));
        w.WriteLine();
        w.WriteLine($"Curriculum topics: {Topics.Count}, covered: {Topics.Count(t => !t.Missing)}, without a lesson: {MissingTopics.Count()}, " +
                    $"below {MinimumReadyQuestionsPerTopic} ready questions: {TopicsBelowQuestionMinimum.Count()}");
        foreach (var t in Topics)
        {
            var flag = t.Missing ? "MISSING" : t.BelowQuestionMinimum ? "FEW-QS " : "ok     ";
            w.WriteLine($"  {flag} {t.Topic} -> {(t.Missing ? "-" : string.Join(", ", t.LessonIds))} ({t.ReadyQuestions} ready questions)");
        }
        return w.ToString();
    }
}
