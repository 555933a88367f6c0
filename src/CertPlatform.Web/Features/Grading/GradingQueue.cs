using CertPlatform.Web.Data;
using CertPlatform.Web.Features.QuestionBank;
using CertPlatform.Web.Features.Results;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Grading;

/// <summary>Essays and case write-ups of finished attempts waiting for a score, grouped by paper and question.</summary>
public sealed class GradingQueue(AppDbContext db, QuestionVersionCache questions, GradingItemKeys keys)
{
    public async Task<QueueModel> ListAsync(CancellationToken ct)
    {
        var entries = await WaitingAsync(ct);
        var titles = await db.Papers.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        var loaded = await questions.GetAsync(entries.Select(e => (e.QuestionId, e.Version)), db, ct);
        var groups = entries.GroupBy(e => (e.PaperId, e.QuestionId)).Select(g =>
        {
            var newest = g.Max(e => e.Version);
            var q = loaded[(g.Key.QuestionId, newest)];
            return new QueueGroup(g.Key.PaperId, titles.GetValueOrDefault(g.Key.PaperId, g.Key.PaperId), g.Key.QuestionId,
                QuestionViews.TypeName(q.Type), AnswerSummary.Excerpt(q), g.Select(e => e.Version).Distinct().Order().ToList(),
                g.Select(e => new QueueItem(keys.Token(e.AttemptId, e.Ref), e.Number, e.ManualMax)).ToList());
        }).ToList();
        return new QueueModel(groups);
    }

    /// <summary>
    /// The waiting item after the given one in queue order (same question first, then the next question),
    /// wrapping round; null when nothing else waits. The given item need not be waiting any more.
    /// </summary>
    public async Task<string?> NextAsync(string attemptId, int questionRef, CancellationToken ct)
    {
        var entries = await WaitingAsync(ct);
        var current = await (from i in db.AttemptItems
                             join a in db.Attempts on i.AttemptId equals a.Id
                             where i.AttemptId == attemptId && i.QuestionRef == questionRef
                             select new { a.PaperId, i.QuestionId, a.Seed }).FirstOrDefaultAsync(ct);
        var others = entries.Where(e => !(e.AttemptId == attemptId && e.Ref == questionRef)).ToList();
        if (others.Count == 0) return null;
        var next = current is null ? others[0] :
            others.FirstOrDefault(e => Compare(e, current.PaperId, current.QuestionId, GradingItemKeys.Number(attemptId, current.Seed, questionRef)) > 0)
            ?? others[0];
        return keys.Token(next.AttemptId, next.Ref);
    }

    public async Task<string?> FirstAsync(CancellationToken ct) =>
        (await WaitingAsync(ct)) is [var first, ..] ? keys.Token(first.AttemptId, first.Ref) : null;

    internal async Task<List<GradingQueueEntry>> WaitingAsync(CancellationToken ct)
    {
        var rows = await (from i in db.AttemptItems
                          join a in db.Attempts on i.AttemptId equals a.Id
                          where a.Status == AttemptStatus.Finished && a.Grading == GradingStatus.AwaitingManual && i.ManualScore == null
                          select new { i.AttemptId, i.QuestionRef, a.PaperId, i.QuestionId, i.Version, i.ManualMax, a.Seed }).ToListAsync(ct);
        // ManualMax > 0 is checked here: decimal comparisons are not translated on every provider.
        return rows.Where(r => r.ManualMax > 0)
            .Select(r => new GradingQueueEntry(r.AttemptId, r.QuestionRef, r.PaperId, r.QuestionId, r.Version, r.ManualMax, GradingItemKeys.Number(r.AttemptId, r.Seed, r.QuestionRef)))
            .OrderBy(e => e.PaperId, StringComparer.Ordinal).ThenBy(e => e.QuestionId, StringComparer.Ordinal)
            .ThenBy(e => e.Number, StringComparer.Ordinal).ThenBy(e => e.AttemptId, StringComparer.Ordinal).ThenBy(e => e.Ref)
            .ToList();
    }

    private static int Compare(GradingQueueEntry e, string paperId, string questionId, string number)
    {
        var c = string.CompareOrdinal(e.PaperId, paperId);
        if (c == 0) c = string.CompareOrdinal(e.QuestionId, questionId);
        if (c == 0) c = string.CompareOrdinal(e.Number, number);
        return c;
    }
}
