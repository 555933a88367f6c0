using CertPlatform.Web.Domain.Questions.Lint;

namespace CertPlatform.Web.Content;

/// <summary>
/// The item-writing lint over the shipped bank, reported as <c>file:line: question-id: rule: message</c>
/// (bank-level findings point at <c>questions/&lt;part&gt;</c> or <c>questions</c>, line 0).
/// </summary>
public static class ContentItemLint
{
    public static IReadOnlyList<ContentError> Run(ContentLoadResult content, IReadOnlyList<Normalisation> normalisations)
    {
        var linter = new QuestionLinter(wording: SourceNormalisations.WordingPairs(normalisations));
        var report = linter.Check(Subjects(content));
        var where = new Dictionary<string, BankQuestion>(StringComparer.Ordinal);
        foreach (var bq in content.Questions)
        {
            where[bq.Question.Id] = bq;
            foreach (var part in bq.Question.Parts) where[part.Id] = bq;
        }
        return report.Findings.Select(f => where.TryGetValue(f.Subject, out var bq)
                ? new ContentError(bq.File, bq.Line, f.ToString())
                : new ContentError(f.Subject == "bank" ? ContentLoader.QuestionsFolder : $"{ContentLoader.QuestionsFolder}/{f.Subject}", 0, f.ToString()))
            .ToList();
    }

    public static IReadOnlyList<LintSubject> Subjects(ContentLoadResult content) =>
        content.Questions.Select(bq => new LintSubject(bq.Question,
            content.Lessons.TryGetValue(bq.Question.LessonId, out var lesson) ? lesson.PartId : "")).ToList();
}
