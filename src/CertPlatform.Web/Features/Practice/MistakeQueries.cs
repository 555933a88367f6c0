using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Practice;

/// <summary>
/// Read side of the 错题本 and weak topics, always for one user (the signed-in one): nothing here
/// takes another user's id from a request.
/// </summary>
public sealed class MistakeQueries(AppDbContext db, QuestionVersionCache questions, PracticePool pool, ContentCatalog catalog)
{
    public const int StemLength = 120;

    public async Task<NotebookPage> NotebookAsync(string userId, CancellationToken ct)
    {
        var entries = await db.Mistakes.AsNoTracking().Where(m => m.UserId == userId).ToListAsync(ct);
        var ids = entries.Select(e => e.QuestionId).ToList();
        var records = await db.Questions.AsNoTracking().Where(q => ids.Contains(q.Id))
            .Select(q => new { q.Id, q.CurrentVersion, q.Pool }).ToDictionaryAsync(q => q.Id, ct);
        var current = records.ToDictionary(r => r.Key, r => r.Value.CurrentVersion);
        var secure = records.Where(r => r.Value.Pool == QuestionPool.Secure).Select(r => r.Key).ToHashSet();
        var loaded = await questions.GetAsync(current.Select(c => (c.Key, c.Value)), db, ct);
        var practisable = (await pool.ReadyAsync(ct)).Select(c => c.Id).ToHashSet();
        MistakeRow Row(MistakeEntry e)
        {
            if (e.Concealed || secure.Contains(e.QuestionId)) return new(e, "", false, Concealed: true);
            return new(e,
                current.TryGetValue(e.QuestionId, out var v) ? PracticeText.PlainStem(loaded[(e.QuestionId, v)], StemLength) : e.QuestionId,
                practisable.Contains(e.QuestionId));
        }

        var lessonOrder = catalog.Ordered.Select((l, i) => (l.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var partOrder = catalog.Curriculum.Parts.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var open = entries.Where(e => e.ClearedAt is null)
            .GroupBy(e => catalog.Find(e.LessonId)?.PartId ?? e.PartId)
            .OrderBy(g => partOrder.GetValueOrDefault(g.Key, int.MaxValue)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MistakePartGroup(g.Key, catalog.Curriculum.Parts.FirstOrDefault(p => p.Id == g.Key),
                g.GroupBy(e => e.LessonId)
                    .OrderBy(l => lessonOrder.GetValueOrDefault(l.Key, int.MaxValue)).ThenBy(l => l.Key, StringComparer.Ordinal)
                    .Select(l => new MistakeLessonGroup(l.Key, catalog.Find(l.Key),
                        l.OrderByDescending(e => e.LastWrongAt).ThenBy(e => e.QuestionId, StringComparer.Ordinal).Select(Row).ToList()))
                    .ToList()))
            .ToList();
        var cleared = entries.Where(e => e.ClearedAt is not null).OrderByDescending(e => e.ClearedAt).Select(Row).ToList();
        return new NotebookPage(open, cleared, await WeakAsync(userId, ct));
    }

    public async Task<PracticeCardModel> CardAsync(string userId, int weakShown, CancellationToken ct)
    {
        var open = await db.Mistakes.CountAsync(m => m.UserId == userId && m.ClearedAt == null, ct);
        return new PracticeCardModel(open, (await WeakAsync(userId, ct)).Take(weakShown).ToList());
    }

    public async Task<int> OpenCountAsync(string userId, CancellationToken ct) =>
        await db.Mistakes.CountAsync(m => m.UserId == userId && m.ClearedAt == null, ct);

    /// <summary>Weak lessons over practice answers and the objective, answered items of the user's finished exams.</summary>
    public async Task<IReadOnlyList<WeakTopic>> WeakAsync(string userId, CancellationToken ct)
    {
        var practice = await db.PracticeAnswers.AsNoTracking().Where(a => a.UserId == userId)
            .GroupBy(a => a.LessonId)
            .Select(g => new { LessonId = g.Key, Answers = g.Count(), Correct = g.Count(a => a.Correct) })
            .ToListAsync(ct);
        // Few rows per user; ManualMax (a decimal) is filtered in memory so every provider agrees.
        var exam = await db.AttemptItems.AsNoTracking()
            .Where(i => i.Answered && db.Attempts.Any(a => a.Id == i.AttemptId && a.UserId == userId))
            .Select(i => new { i.LessonId, i.ManualMax, i.Correct })
            .ToListAsync(ct);
        var tallies = WeakTopics.Merge(
            practice.Select(p => new LessonTally(p.LessonId, p.Answers, p.Correct)),
            exam.Where(i => i.ManualMax == 0).GroupBy(i => i.LessonId).Select(g => new LessonTally(g.Key, g.Count(), g.Count(i => i.Correct))));
        return WeakTopics.Select(tallies)
            .Select(t => catalog.Find(t.LessonId) is { } lesson ? new WeakTopic(lesson, t) : null)
            .OfType<WeakTopic>()
            .ToList();
    }
}
