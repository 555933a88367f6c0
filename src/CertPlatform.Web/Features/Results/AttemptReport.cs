using CertPlatform.Web.Content;
using CertPlatform.Web.Features.Exams;
using CertPlatform.Web.Features.Papers;

namespace CertPlatform.Web.Features.Results;

/// <summary>
/// Read-only score breakdown of one attempt loaded by <see cref="AttemptLoader"/> with its graded items (no query of
/// its own). It does not check who is asking: callers compare <see cref="AttemptReportModel.UserId"/> (trainee pages)
/// or authorise by role (examiner pages), and decide what the paper's review options let them show.
/// </summary>
public sealed class AttemptReport(ContentCatalog catalog)
{
    public AttemptReportModel For(LoadedAttempt loaded)
    {
        var (attempt, paper, items) = (loaded.Attempt, loaded.Paper, loaded.Items);
        var sectionTitles = PaperAccess.SectionTitles(paper);
        var partTitles = catalog.Curriculum.Parts.ToDictionary(p => p.Id, p => p.Title);
        var partOrder = catalog.Curriculum.Parts.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);

        var rows = items.Select(i => new ReportItem(
            i.QuestionRef, i.QuestionId, i.Version, i.Section, SectionTitle(sectionTitles, i.Section),
            i.PartId, partTitles.GetValueOrDefault(i.PartId, i.PartId), i.LessonId, catalog.Find(i.LessonId)?.Title ?? i.LessonId,
            i.Points, i.Score, i.AutoScore, i.ManualMax, i.ManualScore, i.ManualComment, i.Answered, i.Correct, i.NeedsManual)).ToList();

        var sections = rows.GroupBy(r => r.Section).OrderBy(g => g.Key)
            .Select(g => Total(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g.First().SectionTitle, g)).ToList();
        var parts = rows.GroupBy(r => r.PartId).OrderBy(g => partOrder.GetValueOrDefault(g.Key, int.MaxValue)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Total(g.Key, g.First().PartTitle, g)).ToList();

        return new AttemptReportModel(attempt.Id, attempt.UserId, paper.Id, paper.Title, paper.Kind, attempt.Number, attempt.Status, attempt.Grading,
            attempt.Score, attempt.MaxScore, attempt.PassMark, attempt.Passed, sections, parts, rows);
    }

    public static string SectionTitle(IReadOnlyList<string> titles, int section) =>
        section >= 0 && section < titles.Count ? titles[section] : (section + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ReportTotal Total(string key, string title, IEnumerable<ReportItem> items)
    {
        var list = items.ToList();
        return new ReportTotal(key, title, list.Sum(i => i.Score), list.Sum(i => i.Points), list.Count, list.Count(i => i.NeedsManual));
    }
}
