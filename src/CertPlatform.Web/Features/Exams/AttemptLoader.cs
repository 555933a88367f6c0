using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Features.QuestionBank;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Exams;

/// <summary>
/// The one attempt-loading sequence — attempt, paper, layout, question versions, answers (and graded
/// items) — for the exam page and API, finishing, results and grading. Nothing is tracked.
/// </summary>
public sealed class AttemptLoader(AppDbContext db, QuestionVersionCache questions)
{
    /// <summary>The attempt if it belongs to <paramref name="userId"/>; null otherwise (callers answer 404 either way).</summary>
    public Task<LoadedAttempt?> ForOwnerAsync(string attemptId, string userId, bool withItems, CancellationToken ct) =>
        LoadAsync(db.Attempts.Where(a => a.Id == attemptId && a.UserId == userId), withItems, ct);

    /// <summary>Any attempt (examiners, the server finishing it).</summary>
    public Task<LoadedAttempt?> ByIdAsync(string attemptId, bool withItems, CancellationToken ct) =>
        LoadAsync(db.Attempts.Where(a => a.Id == attemptId), withItems, ct);

    /// <summary>
    /// The parts of a loaded attempt that change while it runs — the attempt row and its answers — read again; the paper,
    /// the frozen layout and the pinned question versions are kept. Finishing loads before its write transaction and
    /// refreshes inside it, so the transaction holds SQLite's write lock only for these two reads.
    /// </summary>
    public async Task<LoadedAttempt> RefreshAsync(LoadedAttempt loaded, CancellationToken ct)
    {
        var id = loaded.Attempt.Id;
        var attempt = await db.Attempts.AsNoTracking().FirstAsync(a => a.Id == id, ct);
        var answers = await db.AttemptAnswers.AsNoTracking().Where(a => a.AttemptId == id).ToDictionaryAsync(a => a.QuestionRef, ct);
        return loaded with { Attempt = attempt, Answers = answers };
    }

    private async Task<LoadedAttempt?> LoadAsync(IQueryable<Attempt> query, bool withItems, CancellationToken ct)
    {
        var attempt = await query.AsNoTracking().FirstOrDefaultAsync(ct);
        if (attempt is null) return null;
        var paper = await db.Papers.AsNoTracking().FirstAsync(p => p.Id == attempt.PaperId, ct);
        var layout = AttemptLayout.Parse(attempt.LayoutJson);
        IReadOnlyList<AttemptItem> items = withItems
            ? await db.AttemptItems.AsNoTracking().Where(i => i.AttemptId == attempt.Id).OrderBy(i => i.QuestionRef).ToListAsync(ct)
            : [];
        var loaded = await questions.GetAsync(layout.Select(l => (l.QuestionId, l.Version)).Concat(items.Select(i => (i.QuestionId, i.Version))), db, ct);
        var answers = await db.AttemptAnswers.AsNoTracking().Where(a => a.AttemptId == attempt.Id).ToDictionaryAsync(a => a.QuestionRef, ct);
        return new LoadedAttempt(attempt, paper, layout, loaded, answers, items);
    }
}
