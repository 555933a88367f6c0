using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Exams;
using CertPlatform.Web.Features.QuestionBank;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Results;

/// <summary>One attempt for examiners: who, when, the score by section and part, each question with the answer given, and the event timeline.</summary>
public sealed class AttemptDetail(AppDbContext db, AttemptReport reports, AttemptLoader loader, IStringLocalizer<SharedResource> L)
{
    public async Task<AttemptDetailModel?> LoadAsync(string attemptId, CancellationToken ct)
    {
        var loaded = await loader.ByIdAsync(attemptId, withItems: true, ct);
        if (loaded is null) return null;
        var report = reports.For(loaded);
        var attempt = loaded.Attempt;
        var paper = loaded.Paper;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == attempt.UserId)
            .Select(u => new { u.FullName, u.EmployeeNumber, u.Organization, u.Department }).FirstAsync(ct);
        var layout = loaded.Layout.ToDictionary(l => l.Ref);
        var gradedBy = loaded.Items.Where(i => i.GradedBy != null).ToDictionary(i => i.QuestionRef, i => i.GradedBy);
        var rows = report.Items.Select(i =>
        {
            var q = loaded.Questions[(i.QuestionId, i.Version)];
            // Described with the version the item was graded against (a regrade keeps the layout frozen at start).
            var answer = layout.TryGetValue(i.Ref, out var l) ? AnswerSummary.Describe(q, l, loaded.ResponseTo(i.Ref), L) : "";
            return new DetailQuestion(i, QuestionViews.TypeName(q.Type), AnswerSummary.Excerpt(q), answer, gradedBy.GetValueOrDefault(i.Ref));
        }).ToList();
        var events = await db.AttemptEvents.AsNoTracking().Where(e => e.AttemptId == attemptId).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        return new AttemptDetailModel(attempt, paper, user.FullName, user.EmployeeNumber, user.Organization, user.Department, report, rows, events);
    }
}
