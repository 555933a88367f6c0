using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Certificates;
using CertPlatform.Web.Features.Papers;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Exams;

/// <summary>The trainee's exam pages: my exams, a paper's start page, the exam page (with the one deadline rule) and the result page.</summary>
public sealed class ExamPages(AppDbContext db, AttemptLoader loader, ExamDeadlines deadlines, FinishAttempt finish)
{
    public async Task<IReadOnlyList<MyPaper>> MyPapersAsync(AppUser user, CancellationToken ct)
    {
        var papers = await PaperAccess.VisibleTo(db, user).AsNoTracking().OrderBy(p => p.Kind).ThenBy(p => p.Id).ToListAsync(ct);
        var attempts = (await db.Attempts.AsNoTracking().Where(a => a.UserId == user.Id).OrderBy(a => a.StartedAt).ToListAsync(ct))
            .GroupBy(a => a.PaperId).ToDictionary(g => g.Key, g => (IReadOnlyList<Attempt>)g.ToList());
        var outlook = await PaperCertification.OutlookAsync(db, papers, user.Id, ct);
        return papers.Select(p => Summary(p, attempts.GetValueOrDefault(p.Id) ?? [], outlook[p.Id])).ToList();
    }

    public async Task<MyPaper?> PaperAsync(AppUser user, string paperId, CancellationToken ct)
    {
        var paper = await PaperAccess.VisibleTo(db, user).AsNoTracking().FirstOrDefaultAsync(p => p.Id == paperId, ct);
        if (paper is null) return null;
        var attempts = await db.Attempts.AsNoTracking().Where(a => a.UserId == user.Id && a.PaperId == paperId).OrderBy(a => a.StartedAt).ToListAsync(ct);
        var outlook = await PaperCertification.OutlookAsync(db, [paper], user.Id, ct);
        return Summary(paper, attempts, outlook[paper.Id]);
    }

    private MyPaper Summary(Paper p, IReadOnlyList<Attempt> attempts, CertificationDecision certification)
    {
        var sections = PaperAccess.Sections(p);
        var fixedList = PaperAccess.FixedQuestions(p);
        return new MyPaper(p, PaperAccess.Window(p, deadlines.Now),
            p.BlueprintJson is null ? fixedList.Count : sections.Sum(s => s.Count),
            p.BlueprintJson is null ? fixedList.Sum(f => f.Points) : sections.Sum(s => s.Count * s.PointsEach), attempts, certification);
    }

    /// <summary>
    /// The exam page while the attempt is open (<see cref="ExamDeadlines.IsOpen"/>: until the deadline plus
    /// the grace, so a page reloaded just after time ran out can still send answers queued offline and
    /// then submit). After that, the attempt is finished at its deadline and the result is shown.
    /// </summary>
    public async Task<(ExamPageOutcome Outcome, ExamPageModel? Page)> SitAsync(string attemptId, string userId, string? message, CancellationToken ct)
    {
        var loaded = await loader.ForOwnerAsync(attemptId, userId, withItems: false, ct);
        if (loaded is null) return (ExamPageOutcome.NotFound, null);
        if (loaded.Attempt.Status != AttemptStatus.InProgress) return (ExamPageOutcome.Finished, null);
        if (!deadlines.IsOpen(loaded.Attempt.Deadline))
        {
            await finish.RunAsync(attemptId, FinishReason.Deadline, deadlines.Now, ct);
            return (ExamPageOutcome.Finished, null);
        }
        return (ExamPageOutcome.Show, new ExamPageModel(AttemptView.Of(loaded), deadlines.Now, message));
    }

    /// <summary>The result page; null when the attempt is not this user's or still in progress.</summary>
    public async Task<(ExamPageOutcome Outcome, ResultModel? Result)> ResultAsync(string attemptId, string userId, CancellationToken ct)
    {
        var loaded = await loader.ForOwnerAsync(attemptId, userId, withItems: true, ct);
        if (loaded is null) return (ExamPageOutcome.NotFound, null);
        if (loaded.Attempt.Status == AttemptStatus.InProgress) return (ExamPageOutcome.Show, null);
        var layout = loaded.Layout.ToDictionary(l => l.Ref);
        var rows = loaded.Items.Select(i => new ResultRow(i, loaded.QuestionOf(i), layout[i.QuestionRef], loaded.ResponseTo(i.QuestionRef))).ToList();
        return (ExamPageOutcome.Finished, new ResultModel(loaded.Attempt, loaded.Paper, rows));
    }
}
