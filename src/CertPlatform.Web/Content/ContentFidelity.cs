namespace CertPlatform.Web.Content;

/// <summary>
/// <c>-- fidelity</c>: textbook lessons against the committed seed (content/sources/), "教材…" stems against
/// what they test, notes on post-2011 references, and the extension module's source line.
/// </summary>
public static class ContentFidelity
{
    public const string TextbookSeed = "sources/vip-level4-textbook.txt";
    /// <summary>What a lesson says when it uses a reference from after the 2011 textbook.</summary>
    public const string LaterReferenceNote = "教材出版后";
    /// <summary>References that did not exist when the textbook was written (2011).</summary>
    public static readonly IReadOnlyList<string> LaterReferences = ["网课", "个人信息保护法"];

    public static IReadOnlyList<FidelityFinding> Run(string contentRoot, ContentLoadResult content, IReadOnlyList<Normalisation> normalisations)
    {
        var findings = new List<FidelityFinding>();
        var seedPath = Path.Combine(contentRoot, TextbookSeed);
        FidelityChecker? checker = File.Exists(seedPath) ? new FidelityChecker(File.ReadAllText(seedPath), normalisations) : null;
        if (checker is null) findings.Add(new(TextbookSeed, 0, "source", "seed text not found: textbook lessons cannot be compared"));

        var unitsByLesson = new Dictionary<string, IReadOnlyList<LessonTextUnit>>();
        foreach (var lesson in content.Lessons.Values.OrderBy(l => l.File, StringComparer.Ordinal))
        {
            var text = File.ReadAllText(Path.Combine(contentRoot, lesson.File));
            if (checker is not null && lesson.Provenance is ProvenanceKind.Textbook or ProvenanceKind.TextbookAndAuthored)
            {
                var units = LessonTextUnits.Parse(text);
                unitsByLesson[lesson.Id] = units;
                findings.AddRange(checker.CheckLesson(lesson.File, text, units));
            }
            foreach (var term in LaterReferences)
                if (text.Contains(term, StringComparison.Ordinal) && !text.Contains(LaterReferenceNote, StringComparison.Ordinal))
                    findings.Add(new(lesson.File, LineOf(text, term), "later-reference",
                        $"“{term}” is from after the 2011 textbook: say so once in the lesson (a note containing “{LaterReferenceNote}”)"));
            if (lesson.Provenance == ProvenanceKind.CourseOutline && !lesson.Source.Contains("2013", StringComparison.Ordinal))
                findings.Add(new(lesson.File, 1, "source", "the source line must say the outline comes from another operator's 2013 course"));
        }

        if (checker is not null)
            foreach (var bq in content.Questions)
            foreach (var q in new[] { bq.Question }.Concat(bq.Question.Parts))
            {
                if (!q.Stem.Contains("教材", StringComparison.Ordinal)) continue;
                var anchor = q.Anchor ?? bq.Question.Anchor;
                if (anchor is null || !unitsByLesson.TryGetValue(bq.Question.LessonId, out var units)) continue;
                var inSection = units.Where(u => u.Section == anchor || u.Subsection == anchor).ToList();
                if (inSection.Count > 0 && !inSection.Any(u => !u.Supplement && checker.IsTextbookLike(u.Text)))
                    findings.Add(new(bq.File, bq.Line, "stem", $"{q.Id}: the stem says “教材…” but section #{anchor} holds no textbook text: say “本课…” or test the textbook's text"));
            }
        return findings;
    }

    private static int LineOf(string text, string term)
    {
        var index = text.IndexOf(term, StringComparison.Ordinal);
        return index < 0 ? 1 : text.AsSpan(0, index).Count('\n') + 1;
    }
}
