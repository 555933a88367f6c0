using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Practice;

/// <summary>
/// 错题本: a question answered wrongly (in practice or an exam) is entered, or re-opened; answering
/// it right twice in a row clears it. Essays are not entered (an examiner grades them). A question missed in an
/// attempt whose review hid the answers, or a secure one, is entered <see cref="MistakeEntry.Concealed"/>: the
/// notebook then names only its lesson and never offers it for practice. Changes are added to the caller's unit of work.
/// </summary>
public sealed class MistakeNotebook(AppDbContext db, TimeProvider clock)
{
    public const int RightInARowToClear = 2;

    public async Task RecordExamAsync(string userId, IReadOnlyCollection<AttemptItem> items, IReadOnlySet<string> concealed, CancellationToken ct)
    {
        var objective = items.Where(i => i.Answered && i.ManualMax == 0).ToList();
        if (objective.Count == 0) return;
        var ids = objective.Select(i => i.QuestionId).ToList();
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
