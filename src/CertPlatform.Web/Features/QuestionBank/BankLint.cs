using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Domain.Questions.Lint;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>
/// Runs the item-writing lint (Domain/Questions/Lint) over the current version of every question in the
/// database, examiner-edited ones included, with the same rules and thresholds as <c>-- lint</c>.
/// </summary>
public sealed class BankLint(AppDbContext db, ContentCatalog catalog)
{
    private QuestionLinter? _linter;

    public QuestionLinter Linter => _linter ??= new QuestionLinter(
        wording: SourceNormalisations.WordingPairs(SourceNormalisations.Load(catalog.RootPath, [])));

    /// <summary>Per-question rules on one question (the question page's panel).</summary>
    public LintReport Check(Question question) => Linter.CheckQuestion(question);

    public async Task<BankLintModel> RunAsync(string? rule, CancellationToken ct)
    {
        var rows = await db.Questions.AsNoTracking()
            .Join(db.QuestionVersions.AsNoTracking(), q => new { q.Id, V = q.CurrentVersion }, v => new { Id = v.QuestionId, V = v.Version },
                (q, v) => new { q.Id, q.PartId, v.PayloadJson })
            .ToListAsync(ct);
        var subjects = rows.Select(r => new LintSubject(QuestionJson.Deserialize(r.PayloadJson), r.PartId)).ToList();
        var report = Linter.Check(subjects);
        var live = subjects.Where(s => s.Question.Status != QuestionStatus.Retired).ToList();
        var owner = new Dictionary<string, LintSubject>(StringComparer.Ordinal);
        foreach (var s in live)
        {
            owner[s.Question.Id] = s;
            foreach (var p in s.Question.Parts) owner[p.Id] = s;
        }
        var open = report.Findings.Where(f => rule is null || f.Rule == rule).ToList();
        var flagged = open.Where(f => owner.ContainsKey(f.Subject))
            .GroupBy(f => owner[f.Subject].Question.Id)
            .Select(g => new LintedQuestion(g.Key, owner[g.Key].Question.LessonId, owner[g.Key].PartId, g.ToList(),
                report.Silenced.Count(s => owner.TryGetValue(s.Subject, out var o) && o.Question.Id == g.Key)))
            .OrderBy(q => q.Id, StringComparer.Ordinal)
            .ToList();
        var rules = Linter.QuestionRules.Select(r => r.Id).Concat(Linter.BankRules.Select(r => r.Id)).Append(QuestionLinter.SilenceRuleId).ToList();
        return new BankLintModel(open.Where(f => !owner.ContainsKey(f.Subject)).ToList(), flagged, live.Count, report.Silenced.Count,
            rule is not null && rules.Contains(rule) ? rule : null, rules);
    }
}
