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
    /// The saved answers of an attempt by question ref. Finishing loads everything before its write transaction and reads
    /// only these again inside it (after the claim no save can change them), so it holds SQLite's write lock for one read.
    /// </summary>
    public Task<Dictionary<int, AttemptAnswer>> AnswersAsync(string attemptId, CancellationToken ct) =>
        db.AttemptAnswers.AsNoTracking().Where(a => a.AttemptId == attemptId).ToDictionaryAsync(a => a.QuestionRef, ct);

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
        var answers = await AnswersAsync(attempt.Id, ct);
        return new LoadedAttempt(attempt, paper, layout, loaded, answers, items);
    }
}
