using YamlDotNet.RepresentationModel;

namespace CertPlatform.Web.Content;

/// <summary>
/// Loads and validates <c>curriculum.yaml</c> and every lesson it lists. The same code serves the
/// <c>lint</c> command and start-up, so both report identical <c>file:line: message</c> errors.
/// </summary>
public sealed class ContentLoader
{
    public const string CurriculumFile = "curriculum.yaml";
    private readonly LessonParser _parser = new();

    public ContentLoadResult Load(string contentRoot)
    {
        var problems = new List<ContentError>();
        var curriculumPath = Path.Combine(contentRoot, CurriculumFile);
        if (!Directory.Exists(contentRoot))
            return Fail(new ContentError(contentRoot, 0, "content folder not found (set Content:Path)"));
        if (!File.Exists(curriculumPath))
            return Fail(new ContentError(CurriculumFile, 0, "file not found"));

        var curriculum = ParseCurriculum(File.ReadAllText(curriculumPath), problems);
        if (curriculum is null)
            return new ContentLoadResult { Problems = problems };

        var lessons = new Dictionary<string, Lesson>();
        var links = new List<LessonLink>();
        var listedFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in curriculum.Parts)
        foreach (var chapter in part.Chapters)
        foreach (var entry in chapter.Lessons)
        {
            listedFiles.Add(Normalise(entry.File));
            var fullPath = Path.GetFullPath(Path.Combine(contentRoot, entry.File));
            if (!fullPath.StartsWith(Path.GetFullPath(contentRoot), StringComparison.Ordinal))
            {
                problems.Add(new(CurriculumFile, entry.Line, $"lesson '{entry.Id}': file '{entry.File}' is outside the content folder"));
                continue;
            }
            if (!File.Exists(fullPath))
            {
                problems.Add(new(CurriculumFile, entry.Line, $"lesson '{entry.Id}': file '{entry.File}' not found"));
                continue;
            }
            var result = _parser.Parse(Normalise(entry.File), File.ReadAllText(fullPath));
            problems.AddRange(result.Errors);
            links.AddRange(result.Links);
            if (result.Lesson is not { } lesson) continue;
            if (lesson.Id != entry.Id)
            {
                problems.Add(new(lesson.File, 2, $"front matter id '{lesson.Id}' does not match the id '{entry.Id}' given in {CurriculumFile} line {entry.Line}"));
                continue;
            }
            lesson.PartId = part.Id;
            lesson.ChapterId = chapter.Id;
            lesson.Topics = entry.Topics;
            lessons[lesson.Id] = lesson;
        }

        foreach (var link in links)
        {
            if (!lessons.TryGetValue(link.LessonId, out var target))
            {
                if (!curriculum.Parts.SelectMany(p => p.Lessons).Any(l => l.Id == link.LessonId))
                    problems.Add(new(link.File, link.Line, $"broken link: lesson '{link.LessonId}' does not exist"));
                continue; // the target exists but failed to load: its own errors are reported
            }
            if (link.Anchor is not null && !target.HasAnchor(link.Anchor))
                problems.Add(new(link.File, link.Line, $"broken link: lesson '{link.LessonId}' has no anchor '#{link.Anchor}'"));
        }

        var lessonsDir = Path.Combine(contentRoot, "lessons");
        if (Directory.Exists(lessonsDir))
        {
            foreach (var path in Directory.EnumerateFiles(lessonsDir, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var rel = Normalise(Path.GetRelativePath(contentRoot, path));
                if (!listedFiles.Contains(rel))
                    problems.Add(new(rel, 1, $"lesson file is not listed in {CurriculumFile}", IsWarning: true));
            }
        }

        var questions = LoadQuestions(contentRoot, curriculum, lessons, problems);
        return new ContentLoadResult { Curriculum = curriculum, Lessons = lessons, Questions = questions, Problems = problems };

        static ContentLoadResult Fail(ContentError e) => new() { Problems = [e] };
    }

    private static string Normalise(string path) => path.Replace('\\', '/');

    public const string QuestionsFolder = "questions";

    /// <summary>Loads the shipped bank and checks what it refers to: lesson, section anchor, unique ids.</summary>
    private static List<BankQuestion> LoadQuestions(string contentRoot, Curriculum curriculum, Dictionary<string, Lesson> lessons, List<ContentError> problems)
    {
        var result = new List<BankQuestion>();
        var dir = Path.Combine(contentRoot, QuestionsFolder);
        if (!Directory.Exists(dir)) return result;
        var listed = curriculum.Parts.SelectMany(p => p.Lessons).Select(l => l.Id).ToHashSet();
        var ids = new Dictionary<string, string>();
        foreach (var path in Directory.EnumerateFiles(dir, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var rel = Normalise(Path.GetRelativePath(contentRoot, path));
            var parsed = QuestionFileParser.Parse(rel, File.ReadAllText(path));
            problems.AddRange(parsed.Errors);
            if (parsed.LessonId is null) continue;
            if (!listed.Contains(parsed.LessonId))
            {
                problems.Add(new(rel, parsed.LessonLine, $"lesson '{parsed.LessonId}' does not exist"));
                continue;
            }
            lessons.TryGetValue(parsed.LessonId, out var lesson); // null: the lesson failed to load and says why
            foreach (var bq in parsed.Questions)
            {
                var q = bq.Question;
                var ok = true;
                foreach (var (qid, anchor) in new[] { (q.Id, q.Anchor) }.Concat(q.Parts.Select(p => (p.Id, p.Anchor))))
                {
                    if (ids.TryGetValue(qid, out var first))
                    {
                        problems.Add(new(rel, bq.Line, $"duplicate question id '{qid}' (first defined in {first})"));
                        ok = false;
                    }
                    else ids[qid] = $"{rel}:{bq.Line}";
                    if (lesson is not null && anchor is not null && !lesson.HasAnchor(anchor))
                    {
                        problems.Add(new(rel, bq.Line, $"{qid}: lesson '{lesson.Id}' has no section anchor '#{anchor}'"));
                        ok = false;
                    }
                }
                if (ok) result.Add(bq);
            }
        }
        return result;
    }

    /// <summary>Parses curriculum.yaml; structural problems are added to <paramref name="problems"/>.</summary>
    public static Curriculum? ParseCurriculum(string text, List<ContentError> problems)
    {
        const string f = CurriculumFile;
        var root = YamlNodes.Parse(text, 0, out var yamlError, f);
        if (yamlError is not null) { problems.Add(yamlError); return null; }
        if (root is not YamlMappingNode map) { problems.Add(new(f, 1, "must be a YAML mapping with 'title' and 'parts'")); return null; }

        var title = map.Scalar("title");
        if (title is null) problems.Add(new(f, 1, "missing 'title'"));
        var coverage = map.ScalarList("coverage") ?? [];
        var coverageSet = coverage.ToHashSet();
        var ids = new Dictionary<string, int>();
        var topicsUsed = new HashSet<string>();

        void CheckId(string? id, YamlNode node, string what)
        {
            var line = YamlNodes.LineOf(node, 0);
            if (id is null) { problems.Add(new(f, line, $"{what}: missing 'id'")); return; }
            if (!LessonParser.IsValidId(id)) problems.Add(new(f, line, $"{what} id '{id}' must be lower-case ASCII letters, digits and '-'"));
            if (ids.TryGetValue(id, out var first)) problems.Add(new(f, line, $"duplicate id '{id}' (first used on line {first})"));
            else ids[id] = line;
        }

        var parts = new List<CurriculumPart>();
        if (map.Get("parts") is not YamlSequenceNode partNodes || partNodes.Children.Count == 0)
        {
            problems.Add(new(f, 1, "missing 'parts': list the curriculum parts"));
            return null;
        }
        foreach (var pn in partNodes.Children)
        {
            if (pn is not YamlMappingNode pm) { problems.Add(new(f, YamlNodes.LineOf(pn, 0), "each part must be a mapping")); continue; }
            var pid = pm.Scalar("id");
            CheckId(pid, pm, "part");
            var ptitle = pm.Scalar("title") ?? "";
            if (ptitle.Length == 0) problems.Add(new(f, YamlNodes.LineOf(pm, 0), $"part '{pid}': missing 'title'"));
            var weight = 0;
            if (pm.Scalar("weight") is { } w && !int.TryParse(w, out weight))
                problems.Add(new(f, YamlNodes.LineOf(pm.Get("weight")!, 0), $"part '{pid}': weight must be a whole number"));
            var chapters = new List<CurriculumChapter>();
            if (pm.Get("chapters") is not YamlSequenceNode chapterNodes)
            {
                problems.Add(new(f, YamlNodes.LineOf(pm, 0), $"part '{pid}': missing 'chapters'"));
                continue;
            }
            foreach (var cn in chapterNodes.Children)
            {
                if (cn is not YamlMappingNode cm) { problems.Add(new(f, YamlNodes.LineOf(cn, 0), "each chapter must be a mapping")); continue; }
                var cid = cm.Scalar("id");
                CheckId(cid, cm, "chapter");
                var ctitle = cm.Scalar("title") ?? "";
                if (ctitle.Length == 0) problems.Add(new(f, YamlNodes.LineOf(cm, 0), $"chapter '{cid}': missing 'title'"));
                var objectives = cm.ScalarList("objectives") ?? [];
                var lessons = new List<CurriculumLessonRef>();
                if (cm.Get("lessons") is not YamlSequenceNode lessonNodes || lessonNodes.Children.Count == 0)
                {
                    problems.Add(new(f, YamlNodes.LineOf(cm, 0), $"chapter '{cid}': missing 'lessons'"));
                    continue;
                }
                foreach (var ln in lessonNodes.Children)
                {
                    var line = YamlNodes.LineOf(ln, 0);
                    if (ln is not YamlMappingNode lm) { problems.Add(new(f, line, "each lesson must be a mapping with 'id' and 'file'")); continue; }
                    var lid = lm.Scalar("id");
                    CheckId(lid, lm, "lesson");
                    var file = lm.Scalar("file");
                    if (file is null) { problems.Add(new(f, line, $"lesson '{lid}': missing 'file'")); continue; }
                    var topics = lm.ScalarList("topics") ?? [];
                    foreach (var t in topics)
                    {
                        topicsUsed.Add(t);
                        if (coverageSet.Count > 0 && !coverageSet.Contains(t))
                            problems.Add(new(f, YamlNodes.LineOf(lm.Get("topics")!, 0), $"lesson '{lid}': topic '{t}' is not in the 'coverage' list"));
                    }
                    if (lid is not null) lessons.Add(new(lid, file, topics, line));
                }
                if (cid is not null) chapters.Add(new(cid, ctitle, objectives, lessons));
            }
            if (pid is not null) parts.Add(new(pid, ptitle, weight, chapters));
        }

        if (map.Get("coverage") is { } covNode)
            foreach (var topic in coverage.Where(t => !topicsUsed.Contains(t)))
                problems.Add(new(f, YamlNodes.LineOf(covNode, 0), $"curriculum topic '{topic}' has no lesson (no lesson lists it under 'topics')"));

        return new Curriculum(title ?? "", parts, coverage);
    }
}
