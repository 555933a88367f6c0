using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Practice;

/// <summary>Read side of practice pages: the overview, a question (key-free), its feedback, the end of a set.</summary>
public sealed class PracticeQueries(AppDbContext db, QuestionVersionCache questions, PracticePool pool, PracticeTokens tokens, ContentCatalog catalog)
{
    public static int Percent(int answers, int correct) => answers == 0 ? 0 : (int)Math.Round(100.0 * correct / answers, MidpointRounding.AwayFromZero);

    public async Task<PracticeOverview> OverviewAsync(string userId, CancellationToken ct)
    {
        var candidates = await pool.ReadyAsync(ct);
        var ready = candidates.GroupBy(c => c.LessonId).ToDictionary(g => g.Key, g => g.Count());
        var answered = (await db.PracticeAnswers.AsNoTracking().Where(a => a.UserId == userId)
                .GroupBy(a => a.LessonId).Select(g => new { LessonId = g.Key, Answers = g.Count(), Correct = g.Count(a => a.Correct) })
                .ToListAsync(ct))
            .ToDictionary(a => a.LessonId);
        var parts = catalog.Curriculum.Parts.Select(part =>
        {
            var lessons = part.Lessons.Select(l => catalog.Find(l.Id)).OfType<Lesson>()
                .Select(l => new LessonPracticeRow(l, ready.GetValueOrDefault(l.Id),
                    answered.TryGetValue(l.Id, out var a) ? a.Answers : 0, a?.Correct ?? 0))
                .ToList();
            return new PartPracticeRow(part, lessons.Sum(l => l.Ready), lessons.Sum(l => l.Answers), lessons.Sum(l => l.Correct), lessons);
        }).ToList();
        var open = await db.Mistakes.AsNoTracking().Where(m => m.UserId == userId && m.ClearedAt == null).Select(m => m.QuestionId).ToListAsync(ct);
        var readyIds = candidates.Select(c => c.Id).ToHashSet();
        return new PracticeOverview(parts, open.Count, open.Count(readyIds.Contains));
    }

    public PracticeScopeInfo Scope(PracticeState s) => new(s.Scope, s.ScopeId, s.Scope switch
    {
        PracticeScope.Part => catalog.Curriculum.Parts.FirstOrDefault(p => p.Id == s.ScopeId)?.Title,
        _ => s.ScopeId.Length == 0 ? null : catalog.Find(s.ScopeId)?.Title,
    });

    /// <summary>The current question of a set, as the trainee sees it before answering: built from <see cref="QuestionView"/>, so no key.</summary>
    public async Task<PracticeQuestionPage?> QuestionAsync(string token, PracticeState state, ItemAnswer? entered, CancellationToken ct)
    {
        if (state.Finished) return null;
        var item = state.Items[state.Position];
        var q = await PracticeQuestions.LoadAsync(questions, db, item, ct);
        if (q is null) return null;
        var layout = PracticeLayout.For(q, item.Version, state.ItemSeed(state.Position));
        return new PracticeQuestionPage(token, state, Scope(state), QuestionViews.Of(q, layout), entered);
    }

    public async Task<PracticeFeedbackPage?> FeedbackAsync(PracticeFeedbackState f, string userId, CancellationToken ct)
    {
        var item = f.Next.Items[f.Index];
        var q = await PracticeQuestions.LoadAsync(questions, db, item, ct);
        if (q is null) return null;
        var layout = PracticeLayout.For(q, item.Version, f.Next.ItemSeed(f.Index));
        var grade = Grader.Grade(q, AttemptLayout.ToAuthored(q, layout, f.Displayed));
        var lesson = catalog.Find(q.LessonId);
        var section = q.Anchor is { Length: > 0 } anchor ? lesson?.Sections.FirstOrDefault(s => s.Anchor == anchor) : null;
        var entry = await db.Mistakes.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == userId && m.QuestionId == q.Id, ct);
        return new PracticeFeedbackPage(f, Scope(f.Next), q, layout, grade, lesson, section, entry, tokens.Protect(f.Next));
    }

    public PracticeDonePage Done(PracticeState state) =>
        new(state, Scope(state), state.Finished ? null : tokens.Protect(state));
}
