using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Practice;

/// <summary>
/// 错题本: a question answered wrongly (in practice or an exam) is entered, or re-opened; answering
/// it right twice in a row clears it. Essays are not entered (an examiner grades them). A question missed in an
/// attempt whose review hid the answers, or a secure one, is entered <see cref="MistakeEntry.Concealed"/>: the
/// notebook then names only its lesson and never offers it for practice. A practice answer's change is added to the
/// caller's unit of work; an exam's are written at once, in the caller's transaction, in two statements whatever the
/// number of questions (<see cref="RecordExamAsync"/>).
/// </summary>
public sealed class MistakeNotebook(AppDbContext db, TimeProvider clock)
{
    public const int RightInARowToClear = 2;

    /// <summary>
    /// The objective questions answered in a finished attempt, written at once (call it inside the finishing transaction):
    /// the wrong ones in one upsert — a new entry, or the stored one re-opened and counted — and the right ones in one
    /// update of the open entries' streaks, instead of a read and one statement per question. The same rule as
    /// <see cref="Apply"/>; an attempt that holds a question twice (answers then count in order) takes that path.
    /// Rows are written in question order, so two attempts of one trainee finishing at once lock them in the same order.
    /// </summary>
    public async Task RecordExamAsync(string userId, IReadOnlyCollection<AttemptItem> items, IReadOnlySet<string> concealed, CancellationToken ct)
    {
        var objective = items.Where(i => i.Answered && i.ManualMax == 0).ToList();
        if (objective.Count == 0) return;
        if (objective.DistinctBy(i => i.QuestionId).Count() < objective.Count)
        {
            await RecordInOrderAsync(userId, objective, concealed, ct);
            return;
        }
        var now = clock.GetUtcNow();
        var wrong = objective.Where(i => !i.Correct).OrderBy(i => i.QuestionId, StringComparer.Ordinal)
            .Select(i => new MistakeEntry
            {
                UserId = userId, QuestionId = i.QuestionId, LessonId = i.LessonId, PartId = i.PartId, FirstWrongAt = now, LastWrongAt = now,
                WrongCount = 1, RightStreak = 0, ClearedAt = null, Concealed = concealed.Contains(i.QuestionId),
            }).ToList();
        // A stored entry keeps its lesson, part and first date; once concealed it stays so (its key was never shown).
        await db.InsertRowsAsync(wrong, ct, """
            ON CONFLICT ("UserId", "QuestionId") DO UPDATE SET "LastWrongAt" = excluded."LastWrongAt", "WrongCount" = "Mistakes"."WrongCount" + 1,
            "RightStreak" = 0, "ClearedAt" = NULL, "Concealed" = ("Mistakes"."Concealed" OR excluded."Concealed")
            """);
        var right = objective.Where(i => i.Correct).Select(i => i.QuestionId).Order(StringComparer.Ordinal).ToList();
        if (right.Count == 0) return;
        await db.Mistakes.Where(m => m.UserId == userId && m.ClearedAt == null && right.Contains(m.QuestionId))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.RightStreak, m => m.RightStreak + 1)
                .SetProperty(m => m.ClearedAt, m => m.RightStreak + 1 >= RightInARowToClear ? now : (DateTimeOffset?)null), ct);
    }

    /// <summary>Reads the entries and applies the answers one after another (changes go to the caller's unit of work).</summary>
    private async Task RecordInOrderAsync(string userId, List<AttemptItem> objective, IReadOnlySet<string> concealed, CancellationToken ct)
    {
        var ids = objective.Select(i => i.QuestionId).Distinct().ToList();
        var entries = await db.Mistakes.Where(m => m.UserId == userId && ids.Contains(m.QuestionId)).ToDictionaryAsync(m => m.QuestionId, ct);
        foreach (var i in objective)
            Apply(entries, userId, i.QuestionId, i.LessonId, i.PartId, i.Correct, concealed.Contains(i.QuestionId));
    }

    public async Task RecordAsync(string userId, string questionId, string lessonId, string partId, bool correct, CancellationToken ct)
    {
        var entries = await db.Mistakes.Where(m => m.UserId == userId && m.QuestionId == questionId).ToDictionaryAsync(m => m.QuestionId, ct);
        Apply(entries, userId, questionId, lessonId, partId, correct, concealed: false);
    }

    private void Apply(Dictionary<string, MistakeEntry> entries, string userId, string questionId, string lessonId, string partId, bool correct, bool concealed)
    {
        var now = clock.GetUtcNow();
        entries.TryGetValue(questionId, out var entry);
        if (!correct)
        {
            if (entry is null)
            {
                entry = new MistakeEntry { UserId = userId, QuestionId = questionId, LessonId = lessonId, PartId = partId, FirstWrongAt = now };
                db.Mistakes.Add(entry);
                entries[questionId] = entry;
            }
            entry.LastWrongAt = now;
            entry.WrongCount++;
            entry.RightStreak = 0;
            entry.ClearedAt = null;
            if (concealed) entry.Concealed = true; // once concealed, it stays so: its key was never shown
        }
        else if (entry is { ClearedAt: null })
        {
            entry.RightStreak++;
            if (entry.RightStreak >= RightInARowToClear) entry.ClearedAt = now;
        }
    }
}
