using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Practice;

/// <summary>
/// Draws a practice set (up to <see cref="SetSize"/> questions) for a lesson, a part, or the open
/// entries of the trainee's mistake notebook, preferring questions they have not practised yet, and
/// seals it into a token. Nothing is written: the set lives in the URL.
/// </summary>
public sealed class StartPractice(AppDbContext db, PracticePool pool, ContentCatalog catalog, PracticeTokens tokens, TimeProvider clock)
{
    public const int SetSize = 10;

    public async Task<StartPracticeResult> RunAsync(StartPracticeForm form, string userId, CancellationToken ct)
    {
        var ready = await pool.ReadyAsync(ct);
        string scope, scopeId;
        List<PracticeCandidate> eligible;
        if (!string.IsNullOrWhiteSpace(form.Lesson))
        {
            scopeId = form.Lesson.Trim();
            if (catalog.Find(scopeId) is null) return new StartPracticeResult(StartPracticeOutcome.NotFound);
            scope = PracticeScope.Lesson;
            eligible = ready.Where(c => c.LessonId == scopeId).ToList();
        }
        else if (!string.IsNullOrWhiteSpace(form.Part))
        {
            scopeId = form.Part.Trim();
            if (catalog.Curriculum.Parts.All(p => p.Id != scopeId)) return new StartPracticeResult(StartPracticeOutcome.NotFound);
            scope = PracticeScope.Part;
            eligible = ready.Where(c => c.PartId == scopeId).ToList();
        }
        else
        {
            scope = PracticeScope.Mistakes;
            scopeId = (form.Mistakes ?? "").Trim();
            if (scopeId == StartPracticeForm.AllMistakes) scopeId = "";
            if (scopeId.Length > 0 && catalog.Find(scopeId) is null) return new StartPracticeResult(StartPracticeOutcome.NotFound);
            var open = await db.Mistakes.AsNoTracking()
                .Where(m => m.UserId == userId && m.ClearedAt == null && !m.Concealed && (scopeId == "" || m.LessonId == scopeId))
                .Select(m => m.QuestionId).ToListAsync(ct);
            var openSet = open.ToHashSet();
            eligible = ready.Where(c => openSet.Contains(c.Id)).ToList();
        }
        if (eligible.Count == 0) return new StartPracticeResult(StartPracticeOutcome.Empty);

        var ids = eligible.Select(c => c.Id).ToList();
        var practised = scope == PracticeScope.Mistakes ? [] : (await db.PracticeAnswers.AsNoTracking()
            .Where(a => a.UserId == userId && ids.Contains(a.QuestionId)).Select(a => a.QuestionId).Distinct().ToListAsync(ct)).ToHashSet();
        var seed = PracticeState.NewSeed();
        var byId = eligible.ToDictionary(c => c.Id);
        var state = new PracticeState
        {
            UserId = userId, Scope = scope, ScopeId = scopeId, Seed = seed,
            Items = PracticePool.Draw(ids, practised, SetSize, seed).Select(id => new PracticeItem(id, byId[id].Version)).ToList(),
            IssuedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        return new StartPracticeResult(StartPracticeOutcome.Started, tokens.Protect(state));
    }
}
