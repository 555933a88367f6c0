using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Exams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using CertPlatform.Web.Features.QuestionBank;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Domain.Exams;

namespace CertPlatform.Web.Features.Results;

public sealed record DetailQuestion(ReportItem Item, string Type, string StemExcerpt, string Answer, string? GradedBy);

public sealed record AttemptDetailModel(
    Attempt Attempt, Paper Paper, string FullName, string? EmployeeNumber, string Organization, string Department,
    AttemptReportModel Report, IReadOnlyList<DetailQuestion> Questions, IReadOnlyList<AttemptEvent> Events);

/// <summary>One attempt for examiners: who, when, the score by section and part, each question with the answer given, and the event timeline.</summary>
public sealed class AttemptDetail(AppDbContext db, AttemptReport reports, QuestionVersionCache questions, IStringLocalizer<SharedResource> L)
{
    public async Task<AttemptDetailModel?> LoadAsync(string attemptId, CancellationToken ct)
    {
        var report = await reports.ForAttemptAsync(attemptId, ct);
        if (report is null) return null;
        var attempt = await db.Attempts.AsNoTracking().FirstAsync(a => a.Id == attemptId, ct);
        var paper = await db.Papers.AsNoTracking().FirstAsync(p => p.Id == attempt.PaperId, ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == attempt.UserId)
            .Select(u => new { u.FullName, u.EmployeeNumber, u.Organization, u.Department }).FirstAsync(ct);
        var layout = AttemptLayout.Parse(attempt.LayoutJson).ToDictionary(l => l.Ref);
        var answers = (await db.AttemptAnswers.AsNoTracking().Where(a => a.AttemptId == attemptId)
            .Select(a => new { a.QuestionRef, a.ResponseJson }).ToListAsync(ct)).ToDictionary(a => a.QuestionRef, a => a.ResponseJson);
        var gradedBy = (await db.AttemptItems.AsNoTracking().Where(i => i.AttemptId == attemptId && i.GradedBy != null)
            .Select(i => new { i.QuestionRef, i.GradedBy }).ToListAsync(ct)).ToDictionary(i => i.QuestionRef, i => i.GradedBy);
        var loaded = await questions.GetAsync(report.Items.Select(i => (i.QuestionId, i.Version)), db, ct);
        var rows = report.Items.Select(i =>
        {
            var q = loaded[(i.QuestionId, i.Version)];
            var response = answers.TryGetValue(i.Ref, out var json) ? ResponseJson.Deserialize(json) : null;
            // Described with the version the item was graded against (a regrade keeps the layout frozen at start).
            var answer = layout.TryGetValue(i.Ref, out var l) ? AnswerSummary.Describe(q, l, response, L) : "";
            return new DetailQuestion(i, QuestionView.TypeName(q.Type), AnswerSummary.Excerpt(q), answer, gradedBy.GetValueOrDefault(i.Ref));
        }).ToList();
        var events = await db.AttemptEvents.AsNoTracking().Where(e => e.AttemptId == attemptId).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        return new AttemptDetailModel(attempt, paper, user.FullName, user.EmployeeNumber, user.Organization, user.Department, report, rows, events);
    }
}
