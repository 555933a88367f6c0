using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Content;

/// <summary>
/// Lessons per part, curriculum-topic coverage (the curriculum map's topics, listed in curriculum.yaml) and
/// the shipped question bank per topic, type and difficulty — each count split into the practice and the secure pool —
/// and whether the certification blueprint can be drawn from the secure pool for <see cref="CertificationAttempts"/>
/// attempts without a repeat.
/// </summary>
public sealed record ContentReport(
    IReadOnlyList<ContentPartRow> Parts,
    IReadOnlyList<ContentTopicRow> Topics,
    IReadOnlyDictionary<QuestionType, int> QuestionsByType,
    IReadOnlyDictionary<int, int> QuestionsByDifficulty)
{
    /// <summary>Attempts of the certification paper (it allows two) that must be drawable from the secure pool without repeats.</summary>
    public const int CertificationAttempts = 2;

    /// <summary>Ready questions per part and type, in each pool.</summary>
    public IReadOnlyList<ContentPoolRow> PoolsByPartAndType { get; init; } = [];
    /// <summary>Ready questions per lesson, in each pool.</summary>
    public IReadOnlyList<ContentLessonPoolRow> PoolsByLesson { get; init; } = [];
    /// <summary>Each certification section with its count times <see cref="CertificationAttempts"/> against the secure pool (empty when no blueprint was given).</summary>
    public IReadOnlyList<SectionFeasibility> CertificationFeasibility { get; init; } = [];
    /// <summary>Null when no blueprint was checked.</summary>
    public bool? CertificationFeasible => CertificationFeasibility.Count == 0 ? null : CertificationFeasibility.All(f => f.Feasible);

    /// <summary>Every curriculum topic needs at least this many ready questions.</summary>
    public const int MinimumReadyQuestionsPerTopic = 5;

    public IEnumerable<ContentTopicRow> MissingTopics => Topics.Where(t => t.Missing);
    public IEnumerable<ContentTopicRow> TopicsBelowQuestionMinimum => Topics.Where(t => t.BelowQuestionMinimum);
    public int ReadyQuestions => Parts.Sum(p => p.ReadyQuestions);

    /// <param name="certification">The certification blueprint to check against the secure pool (null: not checked).</param>
    public static ContentReport Build(Curriculum curriculum, IReadOnlyDictionary<string, Lesson> lessons, IReadOnlyList<BankQuestion> questions,
        IReadOnlyList<BlueprintSection>? certification = null)
    {
        var ready = questions.Select(b => b.Question).Where(q => q.Status == QuestionStatus.Ready).ToList();
        var readyByLesson = ready.GroupBy(q => q.LessonId).ToDictionary(g => g.Key, g => g.Count());
        var secureByLesson = ready.Where(q => q.Pool == QuestionPool.Secure).GroupBy(q => q.LessonId).ToDictionary(g => g.Key, g => g.Count());
        int ReadyFor(string lessonId) => readyByLesson.GetValueOrDefault(lessonId);
        int SecureFor(string lessonId) => secureByLesson.GetValueOrDefault(lessonId);
        var partOf = curriculum.Parts.SelectMany(p => p.Lessons.Select(l => (l.Id, PartId: p.Id))).ToDictionary(x => x.Id, x => x.PartId);

        var parts = curriculum.Parts.Select(p =>
        {
            var ls = p.Lessons.Where(l => lessons.ContainsKey(l.Id)).Select(l => lessons[l.Id]).ToList();
            return new ContentPartRow(p.Id, p.Title, p.Chapters.Count, ls.Count,
                ls.Count(l => l.Provenance is ProvenanceKind.Textbook or ProvenanceKind.TextbookAndAuthored),
                ls.Count(l => l.Provenance == ProvenanceKind.Authored),
                ls.Count(l => l.Provenance == ProvenanceKind.CourseOutline),
                ls.Sum(l => l.TextBySection.Sum(s => s.Text.Length)),
                ls.Sum(l => ReadyFor(l.Id)), ls.Sum(l => SecureFor(l.Id)));
        }).ToList();
        var refs = curriculum.Parts.SelectMany(p => p.Lessons).Where(l => lessons.ContainsKey(l.Id)).ToList();
        var topics = curriculum.Coverage.Select(t =>
        {
            var ids = refs.Where(r => r.Topics.Contains(t)).Select(r => r.Id).ToList();
            return new ContentTopicRow(t, ids, ids.Sum(ReadyFor), ids.Sum(SecureFor));
        }).ToList();
        var byType = Enum.GetValues<QuestionType>().ToDictionary(t => t, t => ready.Count(q => q.Type == t));
        var byDifficulty = Enumerable.Range(1, 5).ToDictionary(d => d, d => ready.Count(q => q.Difficulty == d));
        var pools = curriculum.Parts.SelectMany(p => Enum.GetValues<QuestionType>().Select(t =>
        {
            var these = ready.Where(q => q.Type == t && partOf.GetValueOrDefault(q.LessonId) == p.Id).ToList();
            return new ContentPoolRow(p.Id, t, these.Count(q => q.Pool == QuestionPool.Practice), these.Count(q => q.Pool == QuestionPool.Secure));
        })).Where(r => r.Practice + r.Secure > 0).ToList();
        var lessonPools = curriculum.Parts.SelectMany(p => p.Lessons.Where(l => lessons.ContainsKey(l.Id))
            .Select(l => new ContentLessonPoolRow(p.Id, l.Id, ReadyFor(l.Id) - SecureFor(l.Id), SecureFor(l.Id)))).ToList();
        var secure = ready.Where(q => q.Pool == QuestionPool.Secure)
            .Select(q => new DrawCandidate(q.Id, partOf.GetValueOrDefault(q.LessonId, ""), q.LessonId, q.Type.ToString(), q.Difficulty, q.Tags) { Pool = q.Pool })
            .ToList();
        return new ContentReport(parts, topics, byType, byDifficulty)
        {
            PoolsByPartAndType = pools,
            PoolsByLesson = lessonPools,
            CertificationFeasibility = certification is null ? [] : RepeatAvoidance.ForAttempts(certification, secure, CertificationAttempts),
        };
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
            w.WriteLine($"  {flag} {t.Topic} -> {(t.Missing ? "-" : string.Join(", ", t.LessonIds))} ({t.ReadyQuestions} ready questions: {t.ReadyPractice} practice, {t.ReadySecure} secure)");
        }
        w.WriteLine();
        w.WriteLine("Ready questions per pool (practice / secure) by part and type");
        foreach (var r in PoolsByPartAndType)
            w.WriteLine($"  {r.PartId,-8} {r.Type.ToString().ToLowerInvariant(),-10} {r.Practice,5} / {r.Secure,-5}");
        w.WriteLine("Ready questions per pool (practice / secure) by lesson");
        foreach (var r in PoolsByLesson)
            w.WriteLine($"  {r.PartId,-8} {r.LessonId,-40} {r.Practice,5} / {r.Secure,-5}");
        if (CertificationFeasible is { } feasible)
        {
            w.WriteLine();
            w.WriteLine($"Certification blueprint from the secure pool, {CertificationAttempts} attempts without repeats: {(feasible ? "FEASIBLE" : "NOT FEASIBLE")}");
            foreach (var f in CertificationFeasibility)
                w.WriteLine($"  {(f.Feasible ? "ok     " : "SHORT  ")} {f.Section.Title}: needs {f.Section.Count}, secure pool has {f.Available}");
        }
        return w.ToString();
    }
}
